package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @Test
    void findsTheMetricNamesOfAnExpression() {
        assertThat(Metrics.namesIn("""
                sum by (application, endpoint) (rate(toss_client_requests_seconds_count{outcome=~"no_answer|x"}[5m]))
                / on (application) group_left sum without (code) (rate(jobs_attempts_total{queue="refund"}[5m]))
                and max(payments_review{state="unknown_outcome"}) > 0.05 unless up == bool 1
                """)).containsExactly("toss_client_requests_seconds_count", "jobs_attempts_total", "payments_review",
                "up");
        assertThat(Metrics.namesIn("histogram_quantile(0.99, sum by (le) (rate(saga_completion_seconds_bucket[5m])))"))
                .containsExactly("saga_completion_seconds_bucket");
        assertThat(Metrics.namesIn("max(outbox_backlog{application=~\"$application\"}) offset 1h"))
                .containsExactly("outbox_backlog");
    }

    @Test
    void knowsWhatTheServicesPublish() {
        assertThat(Metrics.isPublished("jobs_parked")).isTrue();
        assertThat(Metrics.isPublished("saga_completion_seconds_bucket")).isTrue();
        assertThat(Metrics.isPublished("toss_client_requests_seconds_count")).isTrue();
        assertThat(Metrics.isPublished("jobs_parked_total")).isFalse();
        assertThat(Metrics.isPublished("outbox_oldest_unsent_age")).isFalse();
        assertThat(Metrics.isPublished("payments_review_bucket")).isFalse();
    }
}
