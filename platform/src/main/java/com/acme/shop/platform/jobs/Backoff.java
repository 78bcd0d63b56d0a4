package com.acme.shop.platform.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one back-off formula of every durable queue: exponential from {@code initial}, doubling per attempt, capped
 * at {@code max}, and shortened by up to {@code jitter} (0.5: each wait lies in [half, full] of its step), so jobs
 * that failed together (Toss down for a minute) do not all come back in the same instant.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
        }
    }

    /** The full step after {@code attempt} failed attempts (1 = after the first), before jitter. */
    public Duration step(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The wait after {@code attempt} failed attempts, jittered with {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        long step = step(attempt).toMillis();
        return Duration.ofMillis(step - (long) (step * jitter * random.nextDouble()));
    }
}
