package com.acme.shop.payment.webhook;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anyone can send us webhooks. A flood of them (fresh transmission ids, so none is a duplicate) must not hurt the money
 * path: the reads they trigger go through a breaker of their own and one read answers every webhook of the order
 * received before it. Its own context: the webhook breaker is sensitive here.
 */
@TestPropertySource(properties = {
        "resilience4j.circuitbreaker.configs.toss-webhooks.sliding-window-type=COUNT_BASED",
        "resilience4j.circuitbreaker.configs.toss-webhooks.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.toss-webhooks.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.toss-webhooks.failure-rate-threshold=50",
        "resilience4j.circuitbreaker.configs.toss-webhooks.wait-duration-in-open-state=60s"})
class WebhookFloodIT extends AbstractPaymentIT {

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void clearFaults() {
        Http.delete(SANDBOX_URL + "/sandbox/faults");
    }

    String paidOrder() {
        JsonNode checkout = checkout("STICKER", 1);
        String orderId = checkout.get("orderId").asString();
        assertThat(confirm(authenticateAtSandbox(checkout), orderId, 3_000).status()).isEqualTo(200);
        return orderId;
    }

    List<Http.Response> flood(String orderId, int count) throws Exception {
        JsonNode payment = Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body();
        Map<String, Object> body = Map.of("eventType", "PAYMENT_STATUS_CHANGED", "createdAt", "2026-11-30T12:00:00.000000",
                "data", Map.of("orderId", orderId, "paymentKey", payment.get("paymentKey").asString(), "status", "DONE"));
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(senders.submit(() -> Http.post(url("/api/v1/webhooks/toss"), body,
                        Map.of("tosspayments-webhook-transmission-id", "whtrans_flood_" + UUID.randomUUID()))));
            }
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> f : sent) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    long tossReadsOf(String orderId) {
        JsonNode calls = Http.get(SANDBOX_URL + "/sandbox/calls?orderId=" + orderId).body();
        long reads = 0;
        for (JsonNode call : calls) {
            if (call.get("method").asString().equals("GET") && call.get("path").asString().contains("/orders/")) {
                reads++;
            }
        }
        return reads;
    }

    @Test
    void aFloodForAnOrderTossCannotAnswerOpensOnlyTheWebhookBreakerAndConfirmsKeepSucceeding() throws Exception {
        String flooded = paidOrder();
        long readsBefore = tossReadsOf(flooded);
        Http.post(SANDBOX_URL + "/sandbox/faults", Map.of("endpoint", "QUERY", "orderId", flooded,
                "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING"));

        List<Http.Response> answers = flood(flooded, 120);
        // meanwhile customers keep paying
        List<Integer> confirms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonNode checkout = checkout("MUG", 1);
            confirms.add(confirm(authenticateAtSandbox(checkout), checkout.get("orderId").asString(), 9_000).status());
        }

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(confirms).containsOnly(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                breakers.circuitBreaker("toss-webhooks").getState() == CircuitBreaker.State.OPEN);
        assertThat(breakers.circuitBreaker("toss").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // the webhook queue's bulkhead and breaker keep Toss from being asked 120 times
        assertThat(tossReadsOf(flooded) - readsBefore).isLessThan(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_log WHERE order_id = ?", Integer.class, flooded))
                .isEqualTo(120);
    }

    @Test
    void oneReadOfTossAnswersEveryWebhookOfTheOrderThatArrivedBeforeIt() throws Exception {
        breakers.circuitBreaker("toss-webhooks").reset();
        String orderId = paidOrder();
        long readsBefore = tossReadsOf(orderId);

        flood(orderId, 60);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_log WHERE order_id = ? AND state = 'PROCESSED'", Integer.class, orderId))
                .isEqualTo(60));
        assertThat(tossReadsOf(orderId) - readsBefore).isLessThan(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_log WHERE order_id = ? AND outcome LIKE ?",
                Integer.class, orderId, "%answered by the PG read for webhook%")).isPositive();
    }
}
