package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.header;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several relays over one outbox, and the ordering rule: an event of a key is never on the topic before
 * an earlier event of the same key. Relays of the tests' own over the isolated schema, the shared broker.
 */
class OutboxRelayConcurrencyIT {

    private final IsolatedOutbox outbox = IsolatedOutbox.get();
    private final Clock clock = Clock.systemUTC();
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
    private final String bootstrap = TestInfrastructure.endpoints().bootstrapServers();

    @BeforeEach
    void clean() {
        outbox.clean();
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    private KafkaTemplate<String, String> kafka(String bootstrapServers, Map<String, Object> overrides) {
        DefaultKafkaProducerFactory<String, String> factory = Events.producer(bootstrapServers, overrides);
        producers.add(factory);
        return new KafkaTemplate<>(factory);
    }

    private OutboxRelay relay(KafkaTemplate<String, String> kafka, int batchSize) {
        return outbox.relay(kafka, IsolatedOutbox.properties(Duration.ofMinutes(1), batchSize), clock);
    }

    private List<String> eventIdsOnTopicForKey(String key) {
        return Events.readAll(bootstrap, Topics.PAYMENT_EVENTS).stream()
                .filter(r -> key.equals(r.key())).map(r -> header(r, "eventId")).toList();
    }

    private static String id(EventEnvelope<?> event) {
        return event.eventId().toString();
    }

    // ---- 5. two relays: every event exactly once ---------------------------------------------------------

    @Test
    void twoRelaysRunningConcurrentlySendEveryEventExactlyOnceAndInOrderPerKey() throws Exception {
        List<String> keys = IntStream.range(0, 100).mapToObj(i -> newOrderId()).toList();
        List<EventEnvelope<PaymentApproved>> events = IntStream.range(0, 500)
                .mapToObj(i -> approved(keys.get(i % keys.size()), clock.instant())).toList();
        OutboxWriter writer = outbox.writer(relay(kafka(bootstrap, Map.of()), 50), clock);
        outbox.tx.executeWithoutResult(status -> events.forEach(writer::append));

        List<OutboxRelay> relays = List.of(relay(kafka(bootstrap, Map.of()), 50), relay(kafka(bootstrap, Map.of()), 50));
        ExecutorService pool = Executors.newFixedThreadPool(relays.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> loops = relays.stream().map(relay -> pool.submit(() -> {
                start.await();
                int sent = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (outbox.unsent() > 0 && System.nanoTime() < deadline) {
                    sent += relay.relayOnce();
                }
                return sent;
            })).toList();
            start.countDown();
            int first = loops.get(0).get(90, TimeUnit.SECONDS);
            int second = loops.get(1).get(90, TimeUnit.SECONDS);

            assertThat(outbox.unsent()).isZero();
            assertThat(first + second).isEqualTo(events.size());
            assertThat(first).as("both relays did part of the work").isPositive();
            assertThat(second).as("both relays did part of the work").isPositive();
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<String, String>> onTopic = Events.readAll(bootstrap, Topics.PAYMENT_EVENTS);
        Map<String, Long> arrivals = onTopic.stream().map(r -> header(r, "eventId"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(events).allSatisfy(e -> assertThat(arrivals.get(id(e))).as("arrivals of %s", id(e)).isEqualTo(1L));
        for (String key : keys) {
            List<String> expected = events.stream().filter(e -> e.orderId().equals(key)).map(OutboxRelayConcurrencyIT::id).toList();
            assertThat(onTopic.stream().filter(r -> key.equals(r.key())).map(r -> header(r, "eventId")).toList())
                    .as("order of key %s", key).containsExactlyElementsOf(expected);
        }
    }

    // ---- 7. ordering: a failed send stops the batch ------------------------------------------------------

    /**
     * The producer refuses the first event at once (larger than its max.request.size); the second event of
     * the same key must not go out ahead of it. Once the refusal is gone, both go, in order.
     */
    @Test
    void aRefusedSendStopsTheRoundSoALaterEventOfTheSameKeyIsNotSentFirst() {
        String key = newOrderId();
        String bystander = newOrderId();
        EventEnvelope<PaymentApproved> large = approved(key, clock.instant(), 200);
        EventEnvelope<PaymentApproved> later = approved(key, clock.instant());
        EventEnvelope<PaymentApproved> otherKey = approved(bystander, clock.instant());
        OutboxRelay refusing = relay(kafka(bootstrap, Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4096)), 50);
        OutboxWriter writer = outbox.writer(refusing, clock);
        outbox.append(writer, large);
        outbox.append(writer, later);
        outbox.append(writer, otherKey);
        assertThat(outbox.codec.encode(large).length()).isGreaterThan(4096);

        assertThat(refusing.relayOnce()).isZero();

        assertThat(outbox.row(large).get("last_error")).asString().contains("RecordTooLargeException");
        assertThat(outbox.row(large).get("attempts")).isEqualTo(1);
        assertThat(List.of(large, later, otherKey)).noneMatch(outbox::isSent);
        assertThat(eventIdsOnTopicForKey(key)).as("nothing of the key went out").isEmpty();

        OutboxRelay healed = relay(kafka(bootstrap, Map.of()), 50);
        assertThat(healed.relayOnce()).isEqualTo(3);
        assertThat(eventIdsOnTopicForKey(key)).containsExactly(id(large), id(later));
        assertThat(eventIdsOnTopicForKey(bystander)).containsExactly(id(otherKey));
    }

    /**
     * Another instance has claimed the first event of a key (its round is still sending, rows locked). A
     * second relay's round skips the locked row; it must not send the key's next event ahead of it. When
     * the other round gives the row back unsent (its send failed), the next rounds send both, in order.
     */
    @Test
    void aRelayDoesNotOvertakeAnEarlierEventOfTheSameKeyClaimedByAnotherRelay() throws Exception {
        String key = newOrderId();
        String bystander = newOrderId();
        EventEnvelope<PaymentApproved> first = approved(key, clock.instant());
        EventEnvelope<PaymentApproved> otherKey = approved(bystander, clock.instant());
        EventEnvelope<PaymentApproved> second = approved(key, clock.instant());
        OutboxRelay relay = relay(kafka(bootstrap, Map.of()), 50);
        OutboxWriter writer = outbox.writer(relay, clock);
        outbox.append(writer, first);
        outbox.append(writer, otherKey);
        outbox.append(writer, second);

        // the other instance's round: the first event claimed and held, as while it waits for the broker
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherRound = CompletableFuture.runAsync(() -> outbox.tx.executeWithoutResult(status -> {
            outbox.jdbc.queryForList("SELECT id FROM outbox_event WHERE event_id = ? FOR UPDATE", Long.class, id(first));
            claimed.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }));
        try {
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(relay.relayOnce()).as("only the other key's event can go").isEqualTo(1);
            assertThat(outbox.isSent(otherKey)).isTrue();
            assertThat(outbox.isSent(second)).isFalse();
            assertThat(eventIdsOnTopicForKey(key)).isEmpty();
        } finally {
            release.countDown();
            otherRound.get(30, TimeUnit.SECONDS);
        }

        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(eventIdsOnTopicForKey(key)).containsExactly(id(first), id(second));
        assertThat(eventIdsOnTopicForKey(bystander)).containsExactly(id(otherKey));
    }

    /**
     * A round waiting for a broker that does not answer holds its claim, but (a) it stops at the first
     * refused send instead of waiting max.block.ms for every row of the batch, and (b) business transactions
     * appending new events are not blocked by it meanwhile.
     */
    @Test
    void aRoundStuckOnTheBrokerNeitherWaitsPerRowNorBlocksAppends() throws Exception {
        int deadPort = FreePorts.pick();
        OutboxRelay stuck = relay(kafka("127.0.0.1:" + deadPort, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000)), 50);
        OutboxWriter writer = outbox.writer(stuck, clock);
        List<EventEnvelope<PaymentApproved>> backlog = IntStream.range(0, 4)
                .mapToObj(i -> approved(newOrderId(), clock.instant())).toList();
        backlog.forEach(e -> outbox.append(writer, e));

        Thread[] roundThread = new Thread[1];
        long started = System.nanoTime();
        CompletableFuture<Integer> round = new CompletableFuture<>();
        roundThread[0] = Thread.ofPlatform().name("stuck-round").start(() -> {
            try {
                round.complete(stuck.relayOnce());
            } catch (RuntimeException e) {
                round.completeExceptionally(e);
            }
        });
        // the round has claimed its rows and waits inside the producer for metadata
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(roundThread[0].getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("waitOnMetadata")));

        EventEnvelope<PaymentApproved> appended = approved(newOrderId(), clock.instant());
        outbox.tx.executeWithoutResult(status -> {
            outbox.jdbc.execute("SET SESSION innodb_lock_wait_timeout = 1");
            try {
                writer.append(appended);
            } finally {
                outbox.jdbc.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
            }
        });
        assertThat(round).as("the append committed while the round still held its claim").isNotDone();

        assertThat(round.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one max.block.ms, not one per row")
                .isLessThan(Duration.ofMillis(3000 * 2));
        assertThat(backlog).noneMatch(outbox::isSent);
        assertThat(outbox.row(backlog.get(1)).get("attempts")).as("rows after the refused one were not tried")
                .isEqualTo(0);
    }
}
