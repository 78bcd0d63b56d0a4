package com.acme.shop.payment.confirm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** See payment-service.yml for what each value is for. */
@ConfigurationProperties("payment.confirm")
record ConfirmProperties(@DefaultValue Retry retry,
                                @DefaultValue("9m") Duration window,
                                @DefaultValue("2m") Duration staleAfter) {

    record Retry(@DefaultValue("3") int maxAttempts,
                        @DefaultValue("200ms") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("0.5") double randomization) {
    }
}
