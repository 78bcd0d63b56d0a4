package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import com.acme.shop.testsupport.openapi.EventCatalogue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.header;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox as a service wires it (the auto-configured writer, relay and inbox over a real database and
 * broker), plus relays of the tests' own where the test must control when a relay runs.
 */
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.flyway.locations=classpath:db/platform,classpath:db/platform-test",
                "spring.kafka.producer.acks=all",
                "spring.kafka.producer.properties.enable.idempotence=true",
                "spring.kafka.producer.properties.max.block.ms=2000",
                "spring.kafka.producer.properties.request.timeout.ms=2000",
                "spring.kafka.producer.properties.delivery.timeout.ms=4000",
                "shop.outbox.poll-interval=300ms",
                "shop.outbox.send-timeout=6s"})
class OutboxIT {

    private static TopicRecorder recorder;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_outbox");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OutboxWriter writer;

    @Autowired
    Inbox inbox;

    @Autowired
    EventCodec codec;

    @Autowired
    Clock clock;

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
            recorder = null;
        }
    }

    private List<ConsumerRecord<String, String>> withEventId(EventEnvelope<?> event) {
        return recorder().matching(r -> event.eventId().toString().equals(header(r, "eventId")));
    }

    // ---- 1. same transaction as the state change ---------------------------------------------------------

    @Test
    void anEventAppendedInARolledBackTransactionIsNeitherStoredNorSent() {
        recorder();
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> rolledBack = approved(orderId, clock.instant());
        EventEnvelope<PaymentApproved> committed = approved(orderId, clock.instant());

        tx.executeWithoutResult(status -> {
            writer.append(rolledBack);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> writer.append(committed));

        // same key, so same partition: once the later event is on the topic, the earlier one would be too
        recorder().await(r -> committed.eventId().toString().equals(header(r, "eventId")));
        assertThat(withEventId(rolledBack)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?", Integer.class,
                orderId)).isEqualTo(1);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        EventEnvelope<PaymentApproved> event = approved(newOrderId(), clock.instant());

        assertThatThrownBy(() -> writer.append(event)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?", Integer.class,
                event.eventId().toString())).isZero();
    }

    // ---- 2. relayed soon after commit; polling fallback --------------------------------------------------

    /**
     * Own relay with a one-minute poll, so only the commit's nudge can explain a send within seconds.
     * Checks the record's shape: key = orderId, eventId/eventType headers (and only headers the event catalogue
     * declares), the envelope JSON as value.
     */
    @Test
    void aCommitNudgesTheRelayWhichSendsAndMarksTheRowSent() {
        recorder();
        IsolatedOutbox outbox = IsolatedOutbox.get();
        outbox.clean();
        DefaultKafkaProducerFactory<String, String> producer = sharedBrokerProducer();
        OutboxRelay relay = outbox.relay(new KafkaTemplate<>(producer),
                IsolatedOutbox.properties(Duration.ofMinutes(1), 50), clock);
        OutboxWriter isolatedWriter = outbox.writer(relay, clock);
        relay.start();
        try {
            String orderId = newOrderId();
            EventEnvelope<PaymentApproved> event = approved(orderId, clock.instant());
            outbox.append(isolatedWriter, event);

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(10))
                    .until(() -> withEventId(event), list -> !list.isEmpty()).getFirst();
            assertThat(record.topic()).isEqualTo(Topics.PAYMENT_EVENTS);
            assertThat(record.key()).isEqualTo(orderId);
            assertThat(header(record, "eventId")).isEqualTo(event.eventId().toString());
            assertThat(header(record, "eventType")).isEqualTo("PAYMENT_APPROVED");
            // and no header the event catalogue (contracts/asyncapi.yaml) does not declare
            JsonNode declared = EventCatalogue.catalogue().at("/components/schemas/eventHeaders/properties");
            for (Header sent : record.headers()) {
                assertThat(declared.has(sent.key())).as("header %s in the event catalogue", sent.key()).isTrue();
            }
            assertThat(record.value()).isEqualTo(codec.encode(event));
            assertThat(codec.decode(record.value()).eventId()).isEqualTo(event.eventId());
            await().atMost(Duration.ofSeconds(5)).until(() -> outbox.isSent(event));
            assertThat(outbox.row(event)).containsEntry("attempts", 1).containsEntry("last_error", null);
        } finally {
            relay.stop();
            producer.destroy();
        }
    }

    /**
     * The nudge is lost (the process stopped between commit and nudge): the row waits, and the relay of the
     * next start finds it by polling.
     */
    @Test
    void withTheNudgeLostThePollingFallbackStillSends() {
        recorder();
        IsolatedOutbox outbox = IsolatedOutbox.get();
        outbox.clean();
        DefaultKafkaProducerFactory<String, String> producer = sharedBrokerProducer();
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producer);
        OutboxRelay before = outbox.relay(kafka, IsolatedOutbox.properties(Duration.ofMinutes(1), 50), clock);
        before.start();
        before.stop();
        EventEnvelope<PaymentApproved> event = approved(newOrderId(), clock.instant());
        outbox.append(outbox.writer(before, clock), event);
        assertThat(outbox.isSent(event)).isFalse();

        OutboxRelay afterRestart = outbox.relay(kafka, IsolatedOutbox.properties(Duration.ofMillis(300), 50), clock);
        afterRestart.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.isSent(event));
            await().atMost(Duration.ofSeconds(10)).until(() -> withEventId(event).size() == 1);
        } finally {
            afterRestart.stop();
            producer.destroy();
        }
    }

    // ---- 4. a restart resends; the inbox absorbs the duplicate -------------------------------------------

    @Test
    void aSendWhoseSentMarkWasLostIsSentAgainWithTheSameEventIdAndTheInboxDedupsIt() {
        recorder();
        EventEnvelope<PaymentApproved> event = approved(newOrderId(), clock.instant());
        tx.executeWithoutResult(status -> writer.append(event));
        await().atMost(Duration.ofSeconds(10)).until(() -> withEventId(event).size() == 1
                && jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM outbox_event WHERE event_id = ?",
                Boolean.class, event.eventId().toString()));

        // the broker acknowledged, but the commit that marks the row sent is lost (crash before commit)
        jdbc.update("UPDATE outbox_event SET sent_at = NULL WHERE event_id = ?", event.eventId().toString());

        List<ConsumerRecord<String, String>> deliveries = await().atMost(Duration.ofSeconds(10))
                .until(() -> withEventId(event), list -> list.size() == 2);
        assertThat(deliveries).extracting(ConsumerRecord::value).containsOnly(codec.encode(event));
        EventEnvelope<?> first = codec.decode(deliveries.get(0).value());
        EventEnvelope<?> second = codec.decode(deliveries.get(1).value());
        assertThat(second.eventId()).isEqualTo(first.eventId()).isEqualTo(event.eventId());

        Boolean firstTime = tx.execute(status -> inbox.firstDelivery("outbox-it", first));
        Boolean secondTime = tx.execute(status -> inbox.firstDelivery("outbox-it", second));
        assertThat(firstTime).isTrue();
        assertThat(secondTime).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE consumer = 'outbox-it' AND event_id = ?",
                Integer.class, event.eventId().toString())).isEqualTo(1);
        assertThatThrownBy(() -> inbox.firstDelivery("outbox-it", first))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private static DefaultKafkaProducerFactory<String, String> sharedBrokerProducer() {
        return Events.producer(TestInfrastructure.endpoints().bootstrapServers(), Map.of());
    }
}
