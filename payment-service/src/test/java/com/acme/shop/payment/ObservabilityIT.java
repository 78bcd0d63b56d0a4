package com.acme.shop.payment;

import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.Prometheus;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service as an on-call engineer sees it (docs/observability.md): the agreed metrics on /actuator/prometheus
 * for the scraper only, the confirm's trace carried through the outbox onto PAYMENT_APPROVED, and log lines with the
 * orderId and the trace that never show a secret or card data. Metrics export and tracing are on here, as in
 * production (Spring Boot's tests switch both off unless asked).
 */
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends AbstractPaymentIT {

    private static final String SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";

    static final List<String> PAYMENT_METRICS = List.of("payments_review", "webhooks_oldest_unprocessed_age_seconds",
            "webhook_processing_lag_seconds", "toss_client_requests_seconds", "resilience4j_circuitbreaker_state",
            "resilience4j_bulkhead_available_concurrent_calls");

    @Test
    void theScraperReadsEveryAgreedMetricAndAnonymousCallersNothing() {
        Confirmed confirmed = confirmWithTrace();

        Http.Response anonymous = Http.get(url("/actuator/prometheus"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw()).doesNotContain("outbox_backlog");
        assertThat(Http.get(url("/actuator/prometheus"), Map.of("Authorization", "Bearer not-the-scrape-token")).status())
                .isEqualTo(401);

        List<String> expected = new ArrayList<>(Prometheus.EVERY_SERVICE);
        expected.addAll(Prometheus.JOB_QUEUES);
        expected.addAll(PAYMENT_METRICS);
        // the consumer's client metrics are bound when its consumer starts
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.scrape(url("")).names())
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
        // a gauge holds its object weakly: one collected reads NaN, so collect before reading
        System.gc();
        Prometheus.Scrape scrape = Prometheus.scrape(url("")).keep("payment-service");
        for (String name : expected) {
            assertThat(scrape.samplesOf(name)).as(name).isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample).contains("application=\"payment-service\"")
                            .satisfies(value -> {
                                if (!Prometheus.mayReadNaN(name)) {
                                    assertThat(value).doesNotEndWith("NaN");
                                }
                            }));
        }
        assertThat(scrape.samplesOf("payments_review")).anySatisfy(s -> assertThat(s).contains("state=\"unknown_outcome\""))
                .anySatisfy(s -> assertThat(s).contains("state=\"manual_review\""));
        assertThat(scrape.samplesOf("jobs_due")).anySatisfy(s -> assertThat(s).contains("queue=\"confirm-recovery\""));
        // the confirm just made is counted under its endpoint and outcome
        assertThat(scrape.samplesOf("toss_client_requests_seconds")).anySatisfy(s -> assertThat(s)
                .startsWith("toss_client_requests_seconds_count{").contains("endpoint=\"confirm\"")
                .contains("outcome=\"success\"").doesNotEndWith(" 0.0"));
        assertThat(scrape.samplesOf("resilience4j_circuitbreaker_state"))
                .anySatisfy(s -> assertThat(s).contains("name=\"toss\"").contains("state=\"closed\"").endsWith(" 1.0"));
        assertThat(scrape.samplesOf("resilience4j_bulkhead_available_concurrent_calls"))
                .anySatisfy(s -> assertThat(s).contains("name=\"toss\""));
        assertThat(scrape.samplesOf("http_server_requests_seconds"))
                .anySatisfy(s -> assertThat(s).contains("uri=\"/api/v1/payments/confirm\""));
        assertThat(confirmed.orderId()).isNotBlank();
    }

    @Test
    void theConfirmsTraceTravelsThroughTheOutboxOntoPaymentApproved() {
        Confirmed confirmed = confirmWithTrace();

        String stored = jdbc.queryForObject("SELECT traceparent FROM outbox_event WHERE message_key = ? "
                + "AND event_type = 'PAYMENT_APPROVED'", String.class, confirmed.orderId());
        assertThat(stored).startsWith("00-" + confirmed.traceId() + "-");
        ConsumerRecord<String, String> record = EVENTS.await(TopicRecorder.event(confirmed.orderId(), "PAYMENT_APPROVED"));
        assertThat(record.headers().lastHeader("traceparent")).as("traceparent header").isNotNull();
        String onTheRecord = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(onTheRecord).startsWith("00-" + confirmed.traceId() + "-");
        // a span of its own (the relay's producer span), not the request's span replayed
        assertThat(onTheRecord).isNotEqualTo(stored);
    }

    @Test
    void confirmLogLinesCarryTheOrderAndTheTraceButNoSecretOrCardData(CapturedOutput output) {
        Confirmed confirmed = confirmWithTrace();

        JsonNode card = sandboxPayment(confirmed.paymentKey()).get("card");
        String logs = output.getAll();
        assertThat(logs.lines().filter(line -> line.contains("Confirm of ")).filter(line -> line.contains(
                "[" + confirmed.traceId() + ",")).filter(line -> line.contains("," + confirmed.orderId() + "]")))
                .as("the confirm's log line with [traceId,spanId,orderId]").isNotEmpty();
        assertThat(logs).doesNotContain(SECRET_KEY)
                .doesNotContain(Base64.getEncoder().encodeToString((SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(confirmed.checkoutToken());
        assertThat(card.get("number").asString()).isNotBlank();
        assertThat(logs).doesNotContain(card.get("number").asString());
        if (card.hasNonNull("approveNo")) {
            assertThat(logs).doesNotContain(card.get("approveNo").asString());
        }
    }

    record Confirmed(String orderId, String paymentKey, String traceId, String checkoutToken) {
    }

    /** A checkout and its confirm, the confirm sent with a W3C traceparent of a trace the test chose. */
    private Confirmed confirmWithTrace() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        String traceId = randomHex(16);
        Map<String, String> headers = new HashMap<>(holderOf(orderId));
        headers.put("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        Http.Response r = Http.post(url("/api/v1/payments/confirm"),
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", 9_000), headers);
        assertThat(r.status()).isEqualTo(200);
        return new Confirmed(orderId, paymentKey, traceId, holderOf(orderId).get("X-Checkout-Token"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
