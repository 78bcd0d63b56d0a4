package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.infra.EmbeddedKafka;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.header;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Issue #3: "Kafka down at commit time -> the event arrives after Kafka returns, exactly once". A broker of
 * this test's own (fixed port and log dir, so it can be stopped and started again without touching the
 * shared one), a relay and writer over the isolated schema, a hand-moved clock for the age metric.
 */
class OutboxKafkaDownIT {

    @Test
    void eventsCommittedWhileKafkaIsDownArriveOnceAndInOrderAfterItReturns() {
        IsolatedOutbox outbox = IsolatedOutbox.get();
        outbox.clean();
        Path logDir = Path.of("target", "outbox-it-kafka-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
                .toAbsolutePath();
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        EmbeddedKafka broker = EmbeddedKafka.start(logDir, port, controllerPort);
        DefaultKafkaProducerFactory<String, String> producer = Events.producer(broker.bootstrapServers(), Map.of());
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxMetrics metrics = new OutboxMetrics(outbox.jdbc, clock, registry); // gauges hold it weakly: keep it
        OutboxRelay relay = outbox.relay(new KafkaTemplate<>(producer),
                IsolatedOutbox.properties(Duration.ofMillis(200), 50), clock);
        OutboxWriter writer = outbox.writer(relay, clock);
        relay.start();
        boolean brokerUp = true;
        try {
            // the broker works: an event goes through (and the producer has the topic's metadata)
            String warmUpOrder = newOrderId();
            EventEnvelope<PaymentApproved> warmUp = approved(warmUpOrder, clock.instant());
            outbox.append(writer, warmUp);
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.isSent(warmUp));

            broker.close();
            brokerUp = false;

            String a = newOrderId();
            String b = newOrderId();
            List<EventEnvelope<PaymentApproved>> events = List.of(
                    approved(a, clock.instant()), approved(b, clock.instant()), approved(a, clock.instant()),
                    approved(b, clock.instant()), approved(a, clock.instant()), approved(b, clock.instant()));
            for (EventEnvelope<PaymentApproved> event : events) {
                long started = System.nanoTime();
                outbox.append(writer, event);
                // the commit does not wait for Kafka, nor for a relay round that is waiting for Kafka
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            }

            // the relay keeps trying: the first row records its attempts and the broker's error; nothing is sent
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, Object> first = outbox.row(events.getFirst());
                return ((Number) first.get("attempts")).intValue() >= 2 && first.get("last_error") != null;
            });
            assertThat(events).noneMatch(outbox::isSent);

            // driven by hand while the loop is stopped: a failing round returns 0, it does not throw
            relay.stop();
            int attemptsBefore = ((Number) outbox.row(events.getFirst()).get("attempts")).intValue();
            assertThat(relay.relayOnce()).isZero();
            assertThat(outbox.row(events.getFirst()).get("attempts")).isEqualTo(attemptsBefore + 1);
            assertThat(events).noneMatch(outbox::isSent);

            // the backlog is visible, and its age grows while nothing moves
            assertThat(registry.get("outbox.backlog").gauge().value()).isEqualTo(6.0);
            double age = registry.get("outbox.oldest.unsent.age").gauge().value();
            clock.advance(Duration.ofSeconds(90));
            assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isCloseTo(age + 90.0, within(0.001));

            relay.start();
            broker = EmbeddedKafka.start(logDir, port, controllerPort);
            brokerUp = true;

            await().atMost(Duration.ofSeconds(60)).until(() -> outbox.unsent() == 0);
            assertThat(registry.get("outbox.backlog").gauge().value()).isZero();
            assertThat(registry.get("outbox.oldest.unsent.age").gauge().value()).isZero();
            assertThat(metrics.backlog()).isZero();

            List<ConsumerRecord<String, String>> onTopic = Events.readAll(broker.bootstrapServers(), Topics.PAYMENT_EVENTS);
            List<String> sentIds = events.stream().map(e -> e.eventId().toString()).toList();
            List<String> arrivedIds = onTopic.stream().map(r -> header(r, "eventId")).filter(sentIds::contains).toList();
            assertThat(arrivedIds).as("every event exactly once").containsExactlyInAnyOrderElementsOf(sentIds);
            for (String key : List.of(a, b)) {
                List<String> expected = events.stream().filter(e -> e.orderId().equals(key))
                        .map(e -> e.eventId().toString()).toList();
                assertThat(onTopic.stream().filter(r -> key.equals(r.key())).map(r -> header(r, "eventId")).toList())
                        .as("in order for key %s", key).containsExactlyElementsOf(expected);
            }
        } finally {
            relay.stop();
            producer.destroy();
            if (brokerUp) {
                broker.close();
            }
        }
    }
}
