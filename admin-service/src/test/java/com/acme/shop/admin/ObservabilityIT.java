package com.acme.shop.admin;

import com.acme.shop.contracts.Topics;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.Prometheus;
import com.acme.shop.testsupport.Traces;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * admin-service as an on-call engineer sees it (docs/observability.md): the agreed metrics for the scraper only, and
 * {@code dead_letters_pending} counting a dead letter as soon as it is stored. Metrics export and tracing on, as in
 * production.
 */
@AutoConfigureMetrics
@AutoConfigureTracing
class ObservabilityIT extends AbstractIntegrationTest {

    @Test
    void theScraperReadsEveryAgreedMetricAndSeesADeadLetterPending() {
        String key = "obs_" + UUID.randomUUID().toString().replace("-", "");
        Traces.publish(Topics.deadLetterOf(Topics.PAYMENT_EVENTS), key, "{not an event", Traces.traceparent(
                Traces.newTraceId()), Map.of());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM dead_letter WHERE message_key = ? AND status = 'NEW'", Integer.class, key) == 1);

        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus", Http.AS_SERVICE).status())
                .isEqualTo(200);
        String base = "http://127.0.0.1:" + port;
        // the gauge reads the table at most every 5 s; a gauge holds its object weakly (one collected reads NaN), so
        // collect before reading
        System.gc();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Prometheus.Scrape scrape = Prometheus.scrape(base);
            assertThat(scrape.names()).contains("kafka_consumer_fetch_manager_records_lag_max");
            assertThat(scrape.samplesOf("dead_letters_pending")).singleElement()
                    .satisfies(s -> assertThat(Double.parseDouble(s.substring(s.lastIndexOf(' ') + 1))).isPositive());
        });
        Prometheus.Scrape scrape = Prometheus.scrape(base).keep("admin-service");
        for (String name : List.of("outbox_backlog", "outbox_oldest_unsent_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds", "dead_letters_pending")) {
            assertThat(scrape.samplesOf(name)).as(name).isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample).contains("application=\"admin-service\"")
                            .satisfies(value -> {
                                if (!Prometheus.mayReadNaN(name)) {
                                    assertThat(value).doesNotEndWith("NaN");
                                }
                            }));
        }
    }
}
