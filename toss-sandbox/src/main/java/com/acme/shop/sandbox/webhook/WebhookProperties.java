package com.acme.shop.sandbox.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.webhook.*}: the initial webhook configuration ({@code PUT /sandbox/webhooks/config} changes it at
 * runtime).
 *
 * @param url where webhooks go; empty (the default) sends none
 * @param timeFactor multiplies Toss's retry intervals (1, 4, 16, ... 4096 minutes), so tests need not wait days
 * @param timeout a delivery succeeds only with HTTP 200 within this time (10 s at Toss)
 * @param sendPaymentStatusChanged whether PAYMENT_STATUS_CHANGED is "registered"
 * @param sendDepositCallback whether DEPOSIT_CALLBACK is "registered"
 * @param expirySweepInterval how often lapsed confirm windows are expired in the background, so EXPIRED webhooks go
 *     out without a read (only while a URL is set)
 * @param deliveryLogCapacity how many deliveries the delivery log keeps (oldest dropped first)
 * @param threads scheduler threads that start deliveries (the HTTP calls themselves are asynchronous)
 */
@ConfigurationProperties("sandbox.webhook")
record WebhookProperties(@DefaultValue("") String url, @DefaultValue("1.0") double timeFactor,
        @DefaultValue("10s") Duration timeout, @DefaultValue("true") boolean sendPaymentStatusChanged,
        @DefaultValue("true") boolean sendDepositCallback, @DefaultValue("1s") Duration expirySweepInterval,
        @DefaultValue("10000") int deliveryLogCapacity, @DefaultValue("2") int threads) {

    WebhookProperties {
        url = url == null ? "" : url.trim();
        if (!(timeFactor > 0) || Double.isInfinite(timeFactor)) {
            throw new IllegalArgumentException("sandbox.webhook.time-factor must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sandbox.webhook.timeout must be positive");
        }
        if (threads < 1 || deliveryLogCapacity < 1) {
            throw new IllegalArgumentException("sandbox.webhook.threads and delivery-log-capacity must be positive");
        }
    }

}
