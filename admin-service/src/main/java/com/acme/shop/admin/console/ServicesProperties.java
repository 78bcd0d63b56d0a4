package com.acme.shop.admin.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services the console asks live.
 *
 * @param paymentUrl     payment-service base URL (env {@code PAYMENT_SERVICE_URL})
 * @param orderUrl       order-service base URL (env {@code ORDER_SERVICE_URL})
 * @param settlementUrl  settlement-service base URL (env {@code SETTLEMENT_SERVICE_URL})
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout    how long to wait for the response
 */
@ConfigurationProperties("shop.services")
record ServicesProperties(@DefaultValue("http://127.0.0.1:8081") URI paymentUrl,
                          @DefaultValue("http://127.0.0.1:8082") URI orderUrl,
                          @DefaultValue("http://127.0.0.1:8083") URI settlementUrl,
                          @DefaultValue("1s") Duration connectTimeout,
                          @DefaultValue("3s") Duration readTimeout) {
}
