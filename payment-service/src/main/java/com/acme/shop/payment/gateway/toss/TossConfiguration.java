package com.acme.shop.payment.gateway.toss;

import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PaymentWindow;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.gateway.RecordingPaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TossConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TossConfiguration.class);

    /**
     * The breaker opens when at least half of the recent calls that say something about Toss's health (no
     * answer, 5xx, 429; not declines) failed, and probes again after a pause. Tunable under
     * {@code resilience4j.circuitbreaker.instances.toss.*}.
     */
    @Bean
    PaymentGateway tossPaymentGateway(RestClient.Builder builder, TossProperties properties, JsonMapper json,
                                      Environment environment, CircuitBreakerRegistry breakers, PgRequests requests) {
        TossKeyGuard.check(properties, environment);
        log.info("Toss API at {} with {} keys", properties.baseUrl(), properties.liveKey() ? "LIVE" : "test");
        CircuitBreakerConfig defaults = breakers.getConfiguration("toss").orElse(breakers.getDefaultConfig());
        CircuitBreaker breaker = breakers.circuitBreaker("toss", CircuitBreakerConfig.from(defaults)
                .recordException(TossPaymentGateway::countsAgainstToss)
                .build());
        return new RecordingPaymentGateway(new TossPaymentGateway(new TossClient(builder, properties, json), breaker),
                requests);
    }

    /** What the storefront's browser needs to open Toss's payment window. */
    @Bean
    PaymentWindow paymentWindow(TossProperties properties) {
        return new PaymentWindow(properties.clientKey(), properties.jsSdkUrl());
    }
}
