package com.acme.shop.payment.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxAttempts    processing attempts (each re-reads the payment from Toss) before a webhook is FAILED
 * @param initialBackoff first wait after Toss could not be read; doubles per attempt up to maxBackoff
 */
@ConfigurationProperties("payment.webhook")
record WebhookProperties(@DefaultValue("10") int maxAttempts,
                         @DefaultValue("1s") Duration initialBackoff,
                         @DefaultValue("5m") Duration maxBackoff,
                         @DefaultValue("1s") Duration sweepInterval) {
}
