package com.acme.shop.order;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.Prometheus;
import com.acme.shop.testsupport.TopicRecorder;
import com.acme.shop.testsupport.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service as an on-call engineer sees it (docs/observability.md): the agreed metrics for the scraper only, and a
 * PAYMENT_APPROVED handled inside the trace its record carries, that trace continuing onto ORDER_CREATED, with
 * [traceId,spanId,orderId] on the handler's log lines. Metrics export and tracing on, as in production.
 */
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends AbstractIntegrationTest {

    @Test
    void anApprovalIsHandledInsideTheTraceItsRecordCarriesAndThatTraceGoesOn(CapturedOutput output) {
        String mug = newProduct("토스 머그컵", 9_000, 3);
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, List.of(new LineItem(mug, "토스 머그컵", 1, 9_000)));
        String traceId = Traces.newTraceId();

        Traces.publish(Topics.PAYMENT_EVENTS, orderId, codec.encode(event), Traces.traceparent(traceId),
                Map.of("eventId", event.eventId().toString(), "eventType", "PAYMENT_APPROVED"));

        ConsumerRecord<String, String> created = recorder().await(TopicRecorder.event(orderId, "ORDER_CREATED"));
        assertThat(Traces.traceIdOf(created)).isEqualTo(traceId);
        assertThat(output.getAll().lines().filter(line -> line.contains("Order " + orderId + " created")))
                .singleElement().satisfies(line -> assertThat(line).contains("[" + traceId + ",")
                        .contains("," + orderId + "]"));
    }

    @Test
    void theScraperReadsEveryAgreedMetricAndAnonymousCallersNothing() {
        String mug = newProduct("토스 머그컵", 9_000, 3);
        String orderId = newOrderId();
        publish(approved(orderId, List.of(new LineItem(mug, "토스 머그컵", 1, 9_000))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CREATED".equals(orderStatus(orderId)));

        assertThat(Http.get(baseUrl() + "/actuator/prometheus").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.scrape(baseUrl()).names())
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
        // a gauge holds its object weakly: one collected reads NaN, so collect before reading
        System.gc();
        Prometheus.Scrape scrape = Prometheus.scrape(baseUrl()).keep("order-service");
        for (String name : List.of("outbox_backlog", "outbox_oldest_unsent_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds",
                "saga_completion_seconds")) {
            assertThat(scrape.samplesOf(name)).as(name).isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample).contains("application=\"order-service\"")
                            .satisfies(value -> {
                                if (!Prometheus.mayReadNaN(name)) {
                                    assertThat(value).doesNotEndWith("NaN");
                                }
                            }));
        }
        // the histogram of approval -> order row, with this order counted
        assertThat(scrape.samplesOf("saga_completion_seconds")).anySatisfy(s -> assertThat(s)
                .startsWith("saga_completion_seconds_bucket{").contains("step=\"order\""));
        assertThat(scrape.samplesOf("saga_completion_seconds")).anySatisfy(s -> assertThat(s)
                .startsWith("saga_completion_seconds_count{").contains("step=\"order\"").doesNotEndWith(" 0.0"));
    }
}
