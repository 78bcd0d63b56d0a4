package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.header;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown of the outbox (docs/observability.md, "Shutdown"): what was committed before the stop is sent
 * before the service goes away, in a relay of its own and in a whole Spring context closing (where the relay's phase
 * must come before the producer and the data source close); and a stop with the broker gone neither hangs nor loses a
 * row. The relays here poll once an hour and no commit nudges them, so only the drain at stop can send.
 */
class OutboxShutdownIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static TopicRecorder recorder;

    static synchronized TopicRecorder recorder() {
        if (recorder == null) {
            recorder = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(), List.of(Topics.PAYMENT_EVENTS));
        }
        return recorder;
    }

    @AfterAll
    static void stopRecording() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void stoppingTheRelaySendsEverythingCommittedFirst() {
        recorder();
        IsolatedOutbox outbox = IsolatedOutbox.get();
        outbox.clean();
        DefaultKafkaProducerFactory<String, String> producer = Events.producer(
                TestInfrastructure.endpoints().bootstrapServers(), Map.of());
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producer);
        OutboxRelay relay = outbox.relay(kafka, IsolatedOutbox.properties(Duration.ofHours(1), 50), CLOCK);
        // the writer nudges a relay that never runs: the committed rows wait for the running relay's next poll, an hour
        OutboxWriter writer = outbox.writer(outbox.relay(kafka, IsolatedOutbox.properties(Duration.ofHours(1), 50), CLOCK),
                CLOCK);
        relay.start();
        String orderId = newOrderId();
        List<EventEnvelope<PaymentApproved>> events = List.of(approved(orderId, CLOCK.instant()),
                approved(orderId, CLOCK.instant()), approved(newOrderId(), CLOCK.instant()));
        try {
            events.forEach(event -> outbox.append(writer, event));
            assertThat(outbox.unsent()).isEqualTo(3);
        } finally {
            relay.stop();
        }
        try {
            assertThat(outbox.unsent()).isZero();
            events.forEach(event -> assertThat(outbox.isSent(event)).isTrue());
            // on the topic, the two of one order in the order they were written
            List<String> sentIds = recorder().await(r -> events.stream()
                    .anyMatch(e -> e.eventId().toString().equals(header(r, "eventId"))), 3).stream()
                    .map(r -> header(r, "eventId")).toList();
            assertThat(sentIds.indexOf(events.get(0).eventId().toString()))
                    .isLessThan(sentIds.indexOf(events.get(1).eventId().toString()));
        } finally {
            producer.destroy();
        }
    }

    @Test
    void withTheBrokerGoneTheStopGivesUpWithinItsBudgetAndKeepsTheRows() {
        IsolatedOutbox outbox = IsolatedOutbox.get();
        outbox.clean();
        DefaultKafkaProducerFactory<String, String> nowhere = Events.producer("127.0.0.1:" + FreePorts.pick(),
                Map.of("max.block.ms", 500));
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(nowhere);
        OutboxProperties properties = IsolatedOutbox.properties(Duration.ofHours(1), 50);
        OutboxRelay relay = outbox.relay(kafka, properties, CLOCK);
        OutboxWriter writer = outbox.writer(outbox.relay(kafka, properties, CLOCK), CLOCK);
        relay.start();
        EventEnvelope<PaymentApproved> event = approved(newOrderId(), CLOCK.instant());
        outbox.append(writer, event);

        long started = System.nanoTime();
        relay.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        try {
            assertThat(took).isLessThan(properties.drainTimeout().plusSeconds(2));
            assertThat(outbox.isSent(event)).isFalse();
            assertThat(outbox.row(event).get("last_error")).asString().isNotBlank();
        } finally {
            nowhere.destroy();
        }
    }

    /**
     * A whole service closing: rows committed just before (the relay had not got to them) are on the topic when
     * {@code close()} returns, so the relay stopped, and drained, while the producer and the database were still open.
     */
    @Test
    void closingTheApplicationContextDrainsTheOutboxBeforeTheProducerAndDatabaseClose() {
        recorder();
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(OutboxTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + infra.jdbcUrl("platform_outbox_shutdown"),
                        "--spring.datasource.username=" + infra.username(),
                        "--spring.datasource.password=" + infra.password(),
                        "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                        "--spring.flyway.locations=classpath:db/platform,classpath:db/platform-test",
                        "--spring.kafka.producer.acks=all",
                        "--spring.kafka.producer.properties.enable.idempotence=true",
                        "--shop.outbox.poll-interval=1h");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        EventCodec codec = app.getBean(EventCodec.class);
        List<EventEnvelope<PaymentApproved>> events = List.of(approved(newOrderId(), CLOCK.instant()),
                approved(newOrderId(), CLOCK.instant()));
        // committed as the writer commits them, minus the nudge: as if the service stopped right after the commits
        for (EventEnvelope<PaymentApproved> event : events) {
            jdbc.update("""
                    INSERT INTO outbox_event (event_id, event_type, topic, message_key, payload, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", event.eventId().toString(), event.eventType().name(), event.topic(),
                    event.orderId(), codec.encode(event), Timestamp.from(CLOCK.instant()));
        }

        app.close();

        for (EventEnvelope<PaymentApproved> event : events) {
            // already acknowledged by the broker when close() returned; the recorder may need a poll to see it
            await().atMost(Duration.ofSeconds(10)).until(() -> !recorder().matching(r -> event.eventId().toString()
                    .equals(header(r, "eventId"))).isEmpty());
        }
        JdbcTemplate after = IsolatedOutbox.jdbcFor("platform_outbox_shutdown");
        for (EventEnvelope<PaymentApproved> event : events) {
            assertThat(after.queryForObject("SELECT sent_at IS NOT NULL FROM outbox_event WHERE event_id = ?",
                    Boolean.class, event.eventId().toString())).isTrue();
        }
    }
}
