package com.acme.shop.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code outbox.backlog} (unsent rows) and {@code outbox.oldest.unsent.age} (seconds the oldest unsent
 * row has waited). A growing age with a flat backlog means the relay is stuck, not busy.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Registers nothing yet: Spring Boot binds it to its registry ({@link MeterBinder}). */
    public OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OutboxMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this(jdbc, clock);
        bindTo(registry);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, OutboxMetrics::backlog)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox.oldest.unsent.age", this, OutboxMetrics::oldestUnsentAgeSeconds)
                .baseUnit("seconds").description("Age of the oldest unsent outbox event").register(registry);
    }

    public long backlog() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    public double oldestUnsentAgeSeconds() {
        Timestamp oldest = jdbc.queryForObject(
                "SELECT MIN(created_at) FROM outbox_event WHERE sent_at IS NULL", Timestamp.class);
        return oldest == null ? 0 : Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0;
    }
}
