package com.acme.shop.admin.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services the console asks live, and how long it waits for them.
 *
 * @param paymentUrl        payment-service base URL (env {@code PAYMENT_SERVICE_URL})
 * @param orderUrl          order-service base URL (env {@code ORDER_SERVICE_URL})
 * @param settlementUrl     settlement-service base URL (env {@code SETTLEMENT_SERVICE_URL})
 * @param connectTimeout    how long to wait for a TCP connection
 * @param readTimeout       how long to wait for the answer to a read
 * @param actionReadTimeout how long to wait for the answer to an action (a refund, a re-check that asks Toss, a file)
 */
@ConfigurationProperties("shop.services")
public record ServicesProperties(@DefaultValue("http://127.0.0.1:8081") URI paymentUrl,
                                 @DefaultValue("http://127.0.0.1:8082") URI orderUrl,
                                 @DefaultValue("http://127.0.0.1:8083") URI settlementUrl,
                                 @DefaultValue("1s") Duration connectTimeout,
                                 @DefaultValue("3s") Duration readTimeout,
                                 @DefaultValue("20s") Duration actionReadTimeout) {
}
