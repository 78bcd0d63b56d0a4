package com.acme.shop.e2e;

import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.Prometheus;
import com.acme.shop.testsupport.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as an on-call engineer sees it (docs/observability.md), with the services configured as in
 * production (not Spring Boot's test defaults, which switch tracing and metrics export off): one trace from the
 * customer's confirm through PAYMENT_APPROVED into order-service's and settlement-service's handling, and the agreed
 * metrics on every service's /actuator/prometheus for the scraper only.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityEndToEndIT {

    final LocalSystem system = LocalSystem.get();

    @Test
    void oneTraceRunsFromTheConfirmThroughPaymentApprovedIntoOrderAndSettlement(CapturedOutput output) {
        JsonNode checkout = Http.post(system.payment + "/api/v1/payments/checkout", Map.of("customerId", "e2e-trace",
                "items", List.of(Map.of("productId", "MUG-WHT", "quantity", 1)))).body();
        String orderId = checkout.get("orderId").asString();
        String paymentKey = Http.post(system.sandbox + "/sandbox/payments", Map.of("orderId", orderId,
                "amount", checkout.get("amount").asLong(), "orderName", checkout.get("orderName").asString(),
                "method", "카드")).body().get("paymentKey").asString();
        String traceId = Traces.newTraceId();

        // the storefront's confirm arrives inside a trace (as from a browser agent or an ingress that starts one)
        Http.Response confirm = Http.post(system.payment + "/api/v1/payments/confirm",
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", checkout.get("amount").asLong()),
                Map.of("X-Checkout-Token", checkout.get("checkoutToken").asString(),
                        "traceparent", Traces.traceparent(traceId)));
        assertThat(confirm.status()).isEqualTo(200);

        // every step's log line carries [traceId,spanId,orderId]: the consumers' handling ran in the confirm's trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> lines = output.getAll().lines().filter(line -> line.contains(orderId)).toList();
            assertThat(lines).as("payment-service's confirm").anySatisfy(line -> assertThat(line)
                    .contains("Confirm of ").contains("[" + traceId + ",").contains("," + orderId + "]"));
            assertThat(lines).as("order-service's handling of PAYMENT_APPROVED").anySatisfy(line -> assertThat(line)
                    .contains("Order " + orderId + " created").contains("[" + traceId + ",")
                    .contains("," + orderId + "]"));
            assertThat(lines).as("settlement-service's handling of PAYMENT_APPROVED").anySatisfy(line -> assertThat(line)
                    .contains("Booked SALE").contains("[" + traceId + ",").contains("," + orderId + "]"));
        });
        // and no service exported or complained: no OTLP endpoint is configured here
        assertThat(output.getAll()).doesNotContain("OtlpHttpSpanExporter").doesNotContain("Failed to export spans");
    }

    @Test
    void everyServiceShowsTheAgreedMetricsToTheScraperOnly() {
        Map<String, String> services = Map.of("payment-service", system.payment, "order-service", system.order,
                "settlement-service", system.settlement, "admin-service", system.admin);
        Map<String, List<String>> own = Map.of(
                "payment-service", withJobs("payments_review", "webhooks_oldest_unprocessed_age_seconds",
                        "webhook_processing_lag_seconds", "toss_client_requests_seconds",
                        "resilience4j_circuitbreaker_state", "resilience4j_bulkhead_available_concurrent_calls"),
                "order-service", List.of("saga_completion_seconds"),
                "settlement-service", withJobs("saga_completion_seconds", "toss_client_requests_seconds"),
                "admin-service", List.of("dead_letters_pending"));
        services.forEach((name, url) -> {
            assertThat(Http.get(url + "/actuator/prometheus").status()).as(name + " anonymous").isEqualTo(401);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.scrape(url).names())
                    .as(name).contains("kafka_consumer_fetch_manager_records_lag_max"));
            // a gauge holds its object weakly: one collected reads NaN, so collect before reading
            System.gc();
            Prometheus.Scrape scrape = Prometheus.scrape(url).keep(name);
            List<String> expected = new ArrayList<>(Prometheus.EVERY_SERVICE);
            expected.addAll(own.get(name));
            for (String metric : expected) {
                assertThat(scrape.samplesOf(metric)).as(name + " " + metric).isNotEmpty()
                        .allSatisfy(sample -> assertThat(sample).contains("application=\"" + name + "\"")
                                .satisfies(value -> {
                                if (!Prometheus.mayReadNaN(metric)) {
                                    assertThat(value).doesNotEndWith("NaN");
                                }
                            }));
            }
        });
    }

    private static List<String> withJobs(String... names) {
        List<String> all = new ArrayList<>(Prometheus.JOB_QUEUES);
        all.addAll(List.of(names));
        return all;
    }
}
