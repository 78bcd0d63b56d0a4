package com.acme.shop.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets or moves by hand, e.g. past a 10-minute confirm window or a retention age, while the
 * application under test reads it from other threads (listeners, schedulers, HTTP workers). It never moves by
 * itself.
 *
 * <p>The zone is fixed per instance. {@link #withZone} returns a view in another zone that shares this clock's
 * time: moving either moves both, so code that calls {@code clock.withZone(...)} still follows the test.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public MutableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock by {@code duration} (negative moves it back) and returns the new instant. */
    public Instant advance(Duration duration) {
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MutableClock(now, zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "," + zone + "]";
    }
}
