package com.acme.shop.order.saga;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * The retry budget of order creation for technical failures ({@link TechnicalFailures}). Retries run on the
 * consumer thread, so the partition (and with it every later event of the same order) waits: events of one
 * order stay in order. Keep the worst case ({@code sum of the back-offs}) far below the consumer's
 * {@code max.poll.interval.ms} (5 minutes by default).
 *
 * @param maxAttempts     attempts in all, the first one included; after the last one the order is FAILED
 *                        with reason TECHNICAL
 * @param initialInterval back-off after the first failed attempt
 * @param multiplier      growth of the back-off per attempt
 * @param maxInterval     cap of a single back-off
 */
@ConfigurationProperties("order.creation.technical-retry")
record TechnicalRetryProperties(@DefaultValue("5") int maxAttempts,
                                @DefaultValue("200ms") Duration initialInterval,
                                @DefaultValue("2.0") double multiplier,
                                @DefaultValue("2s") Duration maxInterval) {

    TechnicalRetryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("order.creation.technical-retry.max-attempts must be at least 1");
        }
        if (initialInterval.isNegative() || maxInterval.isNegative() || multiplier < 1.0) {
            throw new IllegalArgumentException("order.creation.technical-retry: negative interval or multiplier below 1");
        }
    }

    /** The back-off between attempts: {@code maxAttempts - 1} waits, then STOP. */
    ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxAttempts(maxAttempts - 1);
        return backOff;
    }
}
