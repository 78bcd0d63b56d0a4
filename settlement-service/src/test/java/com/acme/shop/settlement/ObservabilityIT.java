package com.acme.shop.settlement;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.Prometheus;
import com.acme.shop.testsupport.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.approved;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * settlement-service as an on-call engineer sees it (docs/observability.md): the agreed metrics for the scraper only,
 * and a PAYMENT_APPROVED booked inside the trace its record carries: the ledger's log line names that trace (this
 * module's tests log with Spring Boot's console pattern, whose correlation part is the first application's of the JVM). Metrics export and tracing on, as in production.
 */
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends AbstractIntegrationTest {

    @Test
    void anApprovalIsBookedInsideTheTraceItsRecordCarries(CapturedOutput output) {
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, "카드", 12_000, Instant.now());
        String traceId = Traces.newTraceId();

        Traces.publish(Topics.PAYMENT_EVENTS, orderId, codec.encode(event), Traces.traceparent(traceId),
                Map.of("eventId", event.eventId().toString(), "eventType", "PAYMENT_APPROVED"));

        awaitSettlement(orderId, 1, settlement -> {
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("Booked SALE") && line.contains("order " + orderId)))
                .singleElement().satisfies(line -> assertThat(line).contains(traceId)));
    }

    @Test
    void theScraperReadsEveryAgreedMetricAndAnonymousCallersNothing() {
        String orderId = newOrderId();
        publish(approved(orderId, "카드", 5_000, Instant.now()));
        awaitSettlement(orderId, 1, settlement -> {
        });
        // one read of Toss's settlements, for a date no other test reconciles
        assertThat(post("/api/v1/settlements/reconciliations?date=2021-03-03", null, null).status()).isEqualTo(200);

        assertThat(Http.get(baseUrl() + "/actuator/prometheus").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.scrape(baseUrl()).names())
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
        // a gauge holds its object weakly: one collected reads NaN, so collect before reading
        System.gc();
        Prometheus.Scrape scrape = Prometheus.scrape(baseUrl()).keep("settlement-service");
        for (String name : List.of("outbox_backlog", "outbox_oldest_unsent_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds",
                "saga_completion_seconds", "toss_client_requests_seconds", "jobs_due", "jobs_in_flight", "jobs_parked",
                "jobs_oldest_due_age_seconds", "jobs_attempts_total")) {
            assertThat(scrape.samplesOf(name)).as(name).isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample).contains("application=\"settlement-service\"")
                            .satisfies(value -> {
                                if (!Prometheus.mayReadNaN(name)) {
                                    assertThat(value).doesNotEndWith("NaN");
                                }
                            }));
        }
        assertThat(scrape.samplesOf("saga_completion_seconds")).anySatisfy(s -> assertThat(s)
                .startsWith("saga_completion_seconds_count{").contains("step=\"settlement\"").doesNotEndWith(" 0.0"));
        assertThat(scrape.samplesOf("toss_client_requests_seconds")).anySatisfy(s -> assertThat(s)
                .startsWith("toss_client_requests_seconds_count{").contains("endpoint=\"settlements\"")
                .contains("outcome=\"success\"").doesNotEndWith(" 0.0"));
        assertThat(scrape.samplesOf("jobs_due")).anySatisfy(s -> assertThat(s).contains("queue=\"settlement-export\""));
    }
}
