package com.acme.shop.payment.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** See payment-service.yml: how the recovery job asks Toss about payments whose outcome is unknown. */
@ConfigurationProperties("payment.recovery")
public record RecoveryProperties(@DefaultValue("5s") Duration initialDelay,
                                 @DefaultValue("5m") Duration maxDelay,
                                 @DefaultValue("12") int maxAttempts,
                                 @DefaultValue("2s") Duration sweepInterval) {

    /** Delay before recovery attempt {@code attempt + 1}: doubling from the initial delay, capped. */
    public Duration delayAfter(int attempt) {
        long millis = initialDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
