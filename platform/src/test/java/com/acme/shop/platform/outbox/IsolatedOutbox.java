package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.testsupport.TestInfrastructure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A schema of its own (same server as the Spring context's) for tests that drive their own relays: the
 * context's relay never sees these rows, so a test decides exactly which relay sends what, against which
 * broker. Tests call {@link #clean()} first; they run one after the other.
 */
final class IsolatedOutbox {

    static final String SCHEMA = "platform_outbox_isolated";

    private static IsolatedOutbox instance;

    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final EventCodec codec = new EventCodec();

    private IsolatedOutbox() {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl(SCHEMA));
        config.setUsername(endpoints.username());
        config.setPassword(endpoints.password());
        config.setMaximumPoolSize(12);
        config.setPoolName("isolated-outbox");
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform", "classpath:db/platform-test").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /** A plain JdbcTemplate over another schema of the same server (to look at what a closed context left). */
    static JdbcTemplate jdbcFor(String schema) {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                endpoints.jdbcUrl(schema), endpoints.username(), endpoints.password()));
    }

    static synchronized IsolatedOutbox get() {
        if (instance == null) {
            instance = new IsolatedOutbox();
        }
        return instance;
    }

    void clean() {
        jdbc.update("DELETE FROM outbox_event");
    }

    static OutboxProperties properties(Duration pollInterval, int batchSize) {
        return new OutboxProperties(true, pollInterval, batchSize, Duration.ofSeconds(5), Duration.ofDays(7),
                Duration.ofHours(1), Duration.ofSeconds(5));
    }

    OutboxRelay relay(KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock) {
        return new OutboxRelay(jdbc, tx, kafka, properties, clock);
    }

    /** Not a Spring proxy: its MANDATORY propagation is proven on the context's bean; here it runs in {@link #append}. */
    OutboxWriter writer(OutboxRelay relay, Clock clock) {
        return new OutboxWriter(jdbc, codec, clock, relay);
    }

    void append(OutboxWriter writer, EventEnvelope<?> event) {
        tx.executeWithoutResult(status -> writer.append(event));
    }

    Map<String, Object> row(EventEnvelope<?> event) {
        return jdbc.queryForMap("SELECT * FROM outbox_event WHERE event_id = ?", event.eventId().toString());
    }

    boolean isSent(EventEnvelope<?> event) {
        return row(event).get("sent_at") != null;
    }

    long unsent() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
    }
}
