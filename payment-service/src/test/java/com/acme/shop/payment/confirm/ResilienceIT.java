package com.acme.shop.payment.confirm;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service with a tiny connection pool and Toss behind a switchable proxy: no connection is held
 * across a Toss call, an unreachable Toss is a 503 that leaves the payment confirmable, and the circuit
 * breaker stops calls to a failing Toss. Its own Spring context (pool of 2, a sensitive breaker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=payment-service", "spring.datasource.hikari.maximum-pool-size=2",
                "spring.kafka.listener.auto-startup=false", "payment.toss.read-timeout=10s",
                "spring.datasource.hikari.connection-timeout=1000", "payment.confirm.stale-after=3s",
                "shop.jobs.confirm-recovery.initial-backoff=300ms", "shop.jobs.confirm-recovery.sweep-interval=200ms",
                "resilience4j.circuitbreaker.configs.toss.sliding-window-size=4",
                "resilience4j.circuitbreaker.configs.toss.minimum-number-of-calls=4",
                "resilience4j.circuitbreaker.configs.toss.wait-duration-in-open-state=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResilienceIT {

    static final ToggleableProxy TOSS = new ToggleableProxy(
            Integer.parseInt(AbstractPaymentIT.SANDBOX_URL.substring(AbstractPaymentIT.SANDBOX_URL.lastIndexOf(':') + 1)));

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void closeTheBreaker() {
        breakers.circuitBreaker("toss").reset();
        TOSS.up();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment_service");
        registry.add("payment.toss.base-url", TOSS::url);
        registry.add("shop.services.order-url", AbstractPaymentIT::catalogUrl);
        registry.add("shop.services.settlement-url", AbstractPaymentIT::catalogUrl);
    }

    @Test
    void noConnectionIsHeldAcrossTossCalls() throws Exception {
        // given: 20 checkouts, each of whose confirm takes 2 s at Toss, and a pool of 2 connections
        List<JsonNode> checkouts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode checkout = checkout();
            sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", checkout.get("orderId").asString(),
                    "latencyMs", 2000, "times", 1));
            checkouts.add(checkout);
        }
        List<String> keys = checkouts.stream().map(AbstractPaymentIT::authenticateAtSandbox).toList();

        // when: all 20 confirm at once
        ExecutorService pool = Executors.newFixedThreadPool(20);
        long started = System.nanoTime();
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode c = checkouts.get(i);
            String key = keys.get(i);
            answers.add(pool.submit((Callable<Http.Response>) () -> confirm(key, c.get("orderId").asString(),
                    c.get("amount").asLong())));
        }
        for (Future<Http.Response> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();

        // then: about one latency, not 20 x 2 s / 2 connections = 20 s
        assertThat(elapsed).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void unreachableTossIsA503AndThePaymentStaysConfirmableThenTheBreakerOpens() {
        JsonNode checkout = checkout();
        String orderId = checkout.get("orderId").asString();
        String paymentKey = AbstractPaymentIT.authenticateAtSandbox(checkout);
        TOSS.down();
        try {
            Http.Response refused = confirm(paymentKey, orderId, checkout.get("amount").asLong());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("code").asString()).isEqualTo("PG_UNAVAILABLE");
            assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("READY");

            // more failures open the breaker
            for (int i = 0; i < 4; i++) {
                assertThat(confirm(paymentKey, orderId, checkout.get("amount").asLong()).status()).isEqualTo(503);
            }
        } finally {
            TOSS.up();
        }
        // while open, nothing is sent to Toss even though it is back
        Http.Response whileOpen = confirm(paymentKey, orderId, checkout.get("amount").asLong());
        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(AbstractPaymentIT.sandboxCalls(orderId, "/confirm")).isEmpty();
        assertThat(Http.get(url("/actuator/health"), Http.AS_SCRAPER).raw()).contains("circuitBreakers");
        // anyone may ask whether the service is up, only services and the scraper see what is behind it
        assertThat(Http.get(url("/actuator/health")).raw()).doesNotContain("circuitBreakers");

        // after the pause the breaker lets a probe through and the same payment is confirmed
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                confirm(paymentKey, orderId, checkout.get("amount").asLong()).status() == 200);
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("DONE");
        assertThat(AbstractPaymentIT.sandboxCalls(orderId, "/confirm")).hasSize(1);
    }

    @Test
    void anAnswerWeCannotRecordIsA202AndRecoverySettlesItFromToss() throws Exception {
        // given: a confirm that Toss answers after 1.5 s, while every pooled connection is taken meanwhile
        JsonNode checkout = checkout();
        String orderId = checkout.get("orderId").asString();
        String paymentKey = AbstractPaymentIT.authenticateAtSandbox(checkout);
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "latencyMs", 1500, "times", 1));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Future<Http.Response> answer = caller.submit(() -> confirm(paymentKey, orderId, checkout.get("amount").asLong()));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                "IN_PROGRESS".equals(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()));
        List<Connection> held = new ArrayList<>();
        try {
            held.add(dataSource.getConnection());
            held.add(dataSource.getConnection());

            // when: Toss approves, but recording the answer cannot get a connection
            Http.Response r = answer.get();

            // then: the caller is told to poll, not that it failed
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.body().get("status").asString()).isEqualTo("IN_PROGRESS");
        } finally {
            for (Connection c : held) {
                c.close();
            }
            caller.shutdown();
        }
        assertThat(AbstractPaymentIT.sandboxPayment(paymentKey).get("status").asString()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "DONE".equals(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()));
        assertThat(AbstractPaymentIT.sandboxCalls(orderId, "/confirm")).hasSize(1);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private JsonNode checkout() {
        Http.Response r = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "customer-2",
                "items", List.of(Map.of("productId", "STICKER", "quantity", 1))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return AbstractPaymentIT.remember(r.body());
    }

    private Http.Response confirm(String paymentKey, String orderId, long amount) {
        return Http.post(url("/api/v1/payments/confirm"), Map.of("paymentKey", paymentKey, "orderId", orderId,
                "amount", amount), AbstractPaymentIT.holderOf(orderId));
    }

    private static void sandboxFault(Map<String, Object> fault) {
        assertThat(Http.post(AbstractPaymentIT.SANDBOX_URL + "/sandbox/faults", fault).status()).isIn(200, 201);
    }
}
