package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.testsupport.MutableClock;
import com.acme.shop.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Purge of old sent rows and the two gauges, with a hand-moved clock over the isolated schema. */
class OutboxHousekeepingIT {

    private final IsolatedOutbox outbox = IsolatedOutbox.get();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
    private DefaultKafkaProducerFactory<String, String> producer;
    private OutboxRelay relay;
    private OutboxWriter writer;

    @BeforeEach
    void setUp() {
        outbox.clean();
        producer = Events.producer(TestInfrastructure.endpoints().bootstrapServers(), Map.of());
        // retention 7 days (IsolatedOutbox.properties); the relay is never started, only purgeSent is called
        relay = outbox.relay(new KafkaTemplate<>(producer), IsolatedOutbox.properties(Duration.ofMinutes(1), 50), clock);
        writer = outbox.writer(relay, clock);
    }

    @AfterEach
    void tearDown() {
        producer.destroy();
    }

    private EventEnvelope<PaymentApproved> appendedAt(Instant createdAt) {
        clock.set(createdAt);
        EventEnvelope<PaymentApproved> event = approved(newOrderId(), createdAt);
        outbox.append(writer, event);
        return event;
    }

    private void markSent(EventEnvelope<?> event, Instant sentAt) {
        outbox.jdbc.update("UPDATE outbox_event SET sent_at = ?, attempts = 1 WHERE event_id = ?",
                Timestamp.from(sentAt), event.eventId().toString());
    }

    private boolean exists(EventEnvelope<?> event) {
        return outbox.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?", Integer.class,
                event.eventId().toString()) == 1;
    }

    @Test
    void purgeDeletesOnlySentRowsOlderThanTheRetention() {
        Instant now = Instant.parse("2025-06-10T12:00:00Z");
        EventEnvelope<PaymentApproved> sentLongAgo = appendedAt(now.minus(Duration.ofDays(9)));
        markSent(sentLongAgo, now.minus(Duration.ofDays(8)));
        EventEnvelope<PaymentApproved> sentJustInsideRetention = appendedAt(now.minus(Duration.ofDays(8)));
        markSent(sentJustInsideRetention, now.minus(Duration.ofDays(7)).plusSeconds(1));
        EventEnvelope<PaymentApproved> sentYesterday = appendedAt(now.minus(Duration.ofDays(1)));
        markSent(sentYesterday, now.minus(Duration.ofDays(1)));
        EventEnvelope<PaymentApproved> neverSent = appendedAt(now.minus(Duration.ofDays(30)));
        clock.set(now);

        assertThat(relay.purgeSent()).isEqualTo(1);

        assertThat(exists(sentLongAgo)).isFalse();
        assertThat(List.of(sentJustInsideRetention, sentYesterday, neverSent)).allMatch(this::exists);
        assertThat(relay.purgeSent()).as("nothing more to purge").isZero();
    }

    @Test
    void gaugesReportTheBacklogAndTheAgeOfTheOldestUnsentEvent() {
        MeterRegistry registry = new SimpleMeterRegistry();
        OutboxMetrics metrics = new OutboxMetrics(outbox.jdbc, clock, registry); // gauges hold it weakly: keep it
        Instant now = Instant.parse("2025-06-10T12:00:00Z");
        clock.set(now);
        assertThat(registry.get("outbox.backlog").gauge().value()).isZero();
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isZero();

        EventEnvelope<PaymentApproved> oldest = appendedAt(now.minus(Duration.ofMinutes(10)));
        EventEnvelope<PaymentApproved> newer = appendedAt(now.minus(Duration.ofSeconds(30)));
        EventEnvelope<PaymentApproved> alreadySent = appendedAt(now.minus(Duration.ofHours(2)));
        markSent(alreadySent, now.minus(Duration.ofHours(1)));
        clock.set(now);

        assertThat(registry.get("outbox.backlog").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isCloseTo(600.0, within(0.001));
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");

        clock.advance(Duration.ofSeconds(45));
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isCloseTo(645.0, within(0.001));

        markSent(oldest, now);
        assertThat(registry.get("outbox.backlog").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isCloseTo(75.0, within(0.001));

        markSent(newer, now);
        assertThat(registry.get("outbox.backlog").gauge().value()).isZero();
        assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isZero();
        assertThat(metrics.oldestUnsentAgeSeconds()).isZero();
    }
}
