package com.acme.shop.payment.gateway.toss;

import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PaymentWindow;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.gateway.RecordingPaymentGateway;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TossConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TossConfiguration.class);

    @Bean
    TossClient tossClient(RestClient.Builder builder, TossProperties properties, JsonMapper json, Environment environment,
                          MeterRegistry meters) {
        TossKeyGuard.check(properties, environment);
        log.info("Toss API at {} with {} keys", properties.baseUrl(), properties.liveKey() ? "LIVE" : "test");
        return new TossClient(builder, properties, json, meters);
    }

    /**
     * The gateway of confirms, cancels and the reads around them. Its breaker ({@code toss}) opens when at least half
     * of the recent calls that say something about Toss's health (no answer, 5xx, 429; not declines) failed, and
     * probes again after a pause; tunable under {@code resilience4j.circuitbreaker.configs.toss.*}.
     */
    @Bean
    @Primary
    PaymentGateway tossPaymentGateway(TossClient client, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                      PgRequests requests) {
        return new RecordingPaymentGateway(new TossPaymentGateway(client, breaker(breakers, "toss"),
                bulkhead(bulkheads, "toss")), requests);
    }

    /**
     * The same Toss, with a breaker of its own ({@code toss-webhooks}), for the reads webhooks trigger: anyone can send
     * us webhooks, so a flood of them, or a Toss that fails to answer them, may open this breaker but never the one
     * confirms go through. Webhook processing has its own bulkhead too (the webhook queue's concurrency).
     */
    @Bean(PaymentGateway.FOR_WEBHOOKS)
    PaymentGateway tossGatewayForWebhooks(TossClient client, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                          PgRequests requests) {
        return new RecordingPaymentGateway(new TossPaymentGateway(client, breaker(breakers, "toss-webhooks"),
                bulkhead(bulkheads, "toss-webhooks")), requests);
    }

    /**
     * A cap on calls to Toss in flight ({@code resilience4j.bulkhead.configs.<name>}). Request threads are virtual, so
     * nothing else bounds them: when Toss slows down, a burst of confirms would otherwise pile up without limit. A
     * call over the cap is not sent (the customer gets 503 PG_UNAVAILABLE and may confirm again); nothing is charged.
     */
    private static Bulkhead bulkhead(BulkheadRegistry bulkheads, String name) {
        BulkheadConfig config = bulkheads.getConfiguration(name)
                .or(() -> bulkheads.getConfiguration("toss")).orElse(bulkheads.getDefaultConfig());
        return bulkheads.bulkhead(name, config);
    }

    private static CircuitBreaker breaker(CircuitBreakerRegistry breakers, String name) {
        CircuitBreakerConfig defaults = breakers.getConfiguration(name)
                .or(() -> breakers.getConfiguration("toss")).orElse(breakers.getDefaultConfig());
        return breakers.circuitBreaker(name, CircuitBreakerConfig.from(defaults)
                .recordException(TossPaymentGateway::countsAgainstToss)
                .build());
    }

    /** What the storefront's browser needs to open Toss's payment window. */
    @Bean
    PaymentWindow paymentWindow(TossProperties properties) {
        return new PaymentWindow(properties.clientKey(), properties.jsSdkUrl());
    }
}
