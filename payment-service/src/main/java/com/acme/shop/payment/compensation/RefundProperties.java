package com.acme.shop.payment.compensation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxAttempts    attempts before a refund is parked for manual review
 * @param initialBackoff first wait after a failed attempt; doubles per attempt (with jitter) up to maxBackoff
 * @param lease          how long one instance owns a refund attempt before another may take it over
 * @param maxConcurrentAttempts refund attempts in flight at once per instance (each mostly waits for Toss)
 */
@ConfigurationProperties("payment.refund")
record RefundProperties(@DefaultValue("12") int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("5m") Duration maxBackoff,
                        @DefaultValue("60s") Duration lease,
                        @DefaultValue("1s") Duration sweepInterval,
                        @DefaultValue("32") int maxConcurrentAttempts) {
}
