package com.acme.shop.platform.observability;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database for a gauge, read at most once per {@code maxAge} however often it is scraped (every
 * replica is scraped, and dashboards scrape often), and kept at its last value when a read fails, so a scrape never
 * fails on a database that is in trouble (the health endpoint says that). The age is measured on the monotonic clock,
 * not on the business {@code Clock} (which tests hold still). Register its gauge with {@code strongReference(true)}:
 * a gauge holds its object weakly, and nothing else holds this one, so it would be collected and read NaN.
 */
public final class CachedGauge {

    private final Supplier<Double> read;
    private final long maxAgeNanos;
    private double value;
    private long readAt;
    private boolean read0;

    public CachedGauge(Supplier<Double> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized double value() {
        long now = System.nanoTime();
        if (!read0 || now - readAt >= maxAgeNanos) {
            read0 = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                // keep the last value; the next scrape after maxAge tries again
            }
        }
        return value;
    }
}
