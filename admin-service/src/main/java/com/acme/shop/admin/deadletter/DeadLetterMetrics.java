package com.acme.shop.admin.deadletter;

import com.acme.shop.platform.observability.CachedGauge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code dead.letters.pending} (Prometheus {@code dead_letters_pending}): dead letters stored and not yet replayed
 * (status NEW), read at most every 5 s. Anything above 0 is a record some consumer could not apply; an operator looks
 * at it in the console (docs/dead-letters.md).
 */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    DeadLetterMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CachedGauge pending = new CachedGauge(this::pending, Duration.ofSeconds(5));
        Gauge.builder("dead.letters.pending", pending, CachedGauge::value)
                .description("Dead letters not yet replayed").strongReference(true).register(registry);
    }

    private double pending() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = ?", Long.class,
                DeadLetterStatus.NEW.name());
        return n == null ? 0 : n;
    }
}
