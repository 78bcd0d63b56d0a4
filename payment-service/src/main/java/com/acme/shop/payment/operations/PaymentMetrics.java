package com.acme.shop.payment.operations;

import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.platform.observability.CachedGauge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * payment-service's gauges read from its tables (docs/observability.md), each read at most every 5 s:
 * <ul>
 *   <li>{@code payments.review} by {@code state}: payments whose outcome at Toss is not known yet
 *       ({@code unknown_outcome}: the recovery job is asking Toss) and payments parked for an operator
 *       ({@code manual_review}). The first should drain within minutes; the second needs a person.</li>
 *   <li>{@code webhooks.oldest.unprocessed.age} (seconds): how long the oldest stored webhook has waited to be
 *       applied; 0 when none waits.</li>
 * </ul>
 */
@Component
class PaymentMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PaymentMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        review(registry, "unknown_outcome", PaymentStatus.OUTCOME_UNKNOWN);
        review(registry, "manual_review", PaymentStatus.MANUAL_REVIEW);
        CachedGauge oldestWebhook = new CachedGauge(this::oldestUnprocessedWebhookSeconds, MAX_AGE);
        Gauge.builder("webhooks.oldest.unprocessed.age", oldestWebhook, CachedGauge::value).baseUnit("seconds")
                .description("Age of the oldest stored webhook not yet applied").strongReference(true).register(registry);
    }

    private void review(MeterRegistry registry, String state, PaymentStatus status) {
        CachedGauge count = new CachedGauge(() -> count(status), MAX_AGE);
        Gauge.builder("payments.review", count, CachedGauge::value).tag("state", state)
                .description("Payments waiting for their outcome at Toss or for an operator")
                .strongReference(true).register(registry);
    }

    private double count(PaymentStatus status) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE status = ?", Long.class, status.name());
        return n == null ? 0 : n;
    }

    private double oldestUnprocessedWebhookSeconds() {
        Timestamp oldest = jdbc.queryForObject("SELECT MIN(received_at) FROM webhook_log WHERE state = 'RECEIVED'",
                Timestamp.class);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
