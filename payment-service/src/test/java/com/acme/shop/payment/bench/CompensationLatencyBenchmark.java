package com.acme.shop.payment.bench;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreationFailed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue #4: time from ORDER_CREATION_FAILED to the refund recorded, with Toss (the sandbox) answering in 100 ms.
 * Run it with {@code bench/compensation-latency.sh}; results and method in docs/benchmarks.md.
 *
 * <p>For each mode ({@code steady}: {@code rate} events per second; {@code burst}: all at once) it prepares
 * {@code n} approved payments (checkout, sandbox payment, confirm; not measured), then publishes one
 * ORDER_CREATION_FAILED per order to {@code order.events} (keyed by orderId, occurredAt = publish time) and measures
 * per order the time to {@code payment_cancel.completed_at} (refund recorded, payment CANCELED, in the same
 * transaction as PAYMENT_CANCELED in the outbox) and to PAYMENT_CANCELED arriving on {@code payment.events}.
 * Fails loudly unless every payment ended CANCELED with exactly one cancel at the sandbox.
 */
public final class CompensationLatencyBenchmark {

    private CompensationLatencyBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSystem.args(argv, Map.of(
                "n", "1000",
                "modes", "steady,burst",
                "rate", "10",
                "latency-ms", "100",
                "payment-args", "",
                "sandbox-args", ""));
        int n = Integer.parseInt(a.get("n"));
        double rate = Double.parseDouble(a.get("rate"));
        Duration latency = Duration.ofMillis(Long.parseLong(a.get("latency-ms")));
        List<String> results = new ArrayList<>();
        try (BenchSystem system = BenchSystem.start(latency, BenchSystem.split(a.get("sandbox-args")),
                BenchSystem.split(a.get("payment-args")));
             CanceledEvents canceled = new CanceledEvents(system.infra.bootstrapServers());
             KafkaProducer<String, String> producer = producer(system.infra.bootstrapServers())) {
            EventCodec codec = new EventCodec();
            for (String mode : BenchSystem.split(a.get("modes"))) {
                if (!mode.equals("steady") && !mode.equals("burst")) {
                    throw new IllegalArgumentException("mode must be steady or burst: " + mode);
                }
                List<BenchSystem.Prepared> paid = approved(system, n);
                system.awaitOutboxDrained(Duration.ofMinutes(2));
                system.clearSandboxCalls();
                System.out.printf("%nMeasuring %d compensations (%s)...%n", n, mode.equals("burst") ? "burst"
                        : "steady, " + rate + "/s");

                Map<String, Instant> published = new HashMap<>();
                List<Future<?>> sends = new ArrayList<>(n);
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (mode.equals("steady")) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    BenchSystem.Prepared p = paid.get(i);
                    Instant now = Instant.now();
                    EventEnvelope<OrderCreationFailed> event = EventEnvelope.of(new OrderCreationFailed(p.orderId(),
                            p.paymentKey(), p.amount(), FailureReason.OUT_OF_STOCK, "재고 부족: TSHIRT (벤치마크)"), now);
                    published.put(p.orderId(), now);
                    sends.add(producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, p.orderId(), codec.encode(event))));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
                double publishSeconds = (System.nanoTime() - start) / 1e9;
                Map<String, Instant> recorded = awaitRefunds(system, canceled, published.keySet(), Duration.ofMinutes(5));
                double totalSeconds = (System.nanoTime() - start) / 1e9;
                verify(system, paid);

                long[] toRecorded = published.entrySet().stream()
                        .mapToLong(e -> Duration.between(e.getValue(), recorded.get(e.getKey())).toNanos()).sorted().toArray();
                long[] toEvent = published.entrySet().stream()
                        .mapToLong(e -> Duration.between(e.getValue(), canceled.received.get(e.getKey())).toNanos())
                        .sorted().toArray();
                Integer retried = system.jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payment_cancel WHERE attempts > 1 AND request_id LIKE 'comp-%'", Integer.class);
                results.add(String.format("""
                        --- %s: %d compensations, published in %.1f s (%.1f/s), all refunded after %.1f s ---
                        to refund recorded      : p50 %s, p90 %s, p99 %s, max %s
                        to PAYMENT_CANCELED seen: p50 %s, p90 %s, p99 %s, max %s
                        correctness             : %d/%d payments CANCELED, 1 cancel each at the sandbox, \
                        refunds needing a retry so far: %d""",
                        mode.equals("burst") ? "burst" : "steady " + rate + "/s", n, publishSeconds, n / publishSeconds,
                        totalSeconds, BenchSystem.millis(BenchSystem.percentile(toRecorded, 50)),
                        BenchSystem.millis(BenchSystem.percentile(toRecorded, 90)),
                        BenchSystem.millis(BenchSystem.percentile(toRecorded, 99)),
                        BenchSystem.millis(toRecorded[toRecorded.length - 1]),
                        BenchSystem.millis(BenchSystem.percentile(toEvent, 50)),
                        BenchSystem.millis(BenchSystem.percentile(toEvent, 90)),
                        BenchSystem.millis(BenchSystem.percentile(toEvent, 99)),
                        BenchSystem.millis(toEvent[toEvent.length - 1]), n, n, retried));
            }
            System.out.println();
            System.out.println("=== Compensation latency (issue #4) ===");
            System.out.printf("settings: sandbox latency %d ms, %d CPUs, payment args %s, sandbox args %s%n",
                    latency.toMillis(), Runtime.getRuntime().availableProcessors(),
                    BenchSystem.split(a.get("payment-args")), BenchSystem.split(a.get("sandbox-args")));
            results.forEach(System.out::println);
            System.out.println("(latency = from the ORDER_CREATION_FAILED publish, which is also its occurredAt, to "
                    + "payment_cancel.completed_at, resp. to PAYMENT_CANCELED read from payment.events)");
            System.out.println();
        }
        System.exit(0);
    }

    /** {@code n} DONE payments: checkout, the customer's approval at the sandbox, confirm. */
    private static List<BenchSystem.Prepared> approved(BenchSystem system, int n) {
        List<BenchSystem.Prepared> prepared = system.prepare(n, 32);
        List<BenchSystem.Answer> answers = BenchSystem.parallel(n, 200, i -> system.confirm(prepared.get(i)));
        answers.forEach(r -> {
            if (r.status() != 200 || !"DONE".equals(r.paymentStatus())) {
                throw new IllegalStateException("confirm during preparation: " + r.status() + " " + r.raw());
            }
        });
        return prepared;
    }

    /** Waits until every order's refund is recorded and its PAYMENT_CANCELED was seen; returns completed_at per order. */
    private static Map<String, Instant> awaitRefunds(BenchSystem system, CanceledEvents canceled,
                                                     java.util.Set<String> orders, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Map<String, Instant> recorded = new HashMap<>();
            system.jdbc.query("SELECT order_id, completed_at FROM payment_cancel WHERE status = 'SUCCEEDED'", rs -> {
                String orderId = rs.getString(1);
                if (orders.contains(orderId)) {
                    recorded.put(orderId, rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            });
            if (recorded.size() == orders.size() && canceled.received.keySet().containsAll(orders)) {
                return recorded;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + atMost + " only " + recorded.size() + " of " + orders.size()
                        + " refunds recorded");
            }
            Thread.sleep(200);
        }
    }

    private static void verify(BenchSystem system, List<BenchSystem.Prepared> paid) {
        Map<String, String> status = new HashMap<>();
        system.jdbc.query("SELECT order_id, status FROM payment", rs -> {
            status.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Integer> cancels = system.sandboxPostsBy("/cancel", "paymentKey");
        for (BenchSystem.Prepared p : paid) {
            if (!"CANCELED".equals(status.get(p.orderId()))) {
                throw new IllegalStateException("payment " + p.orderId() + " is " + status.get(p.orderId()));
            }
            if (cancels.getOrDefault(p.paymentKey(), 0) != 1) {
                throw new IllegalStateException("sandbox saw " + cancels.get(p.paymentKey()) + " cancels for "
                        + p.paymentKey() + ", expected exactly 1");
            }
        }
        int total = cancels.values().stream().mapToInt(Integer::intValue).sum();
        if (total != paid.size()) {
            throw new IllegalStateException("sandbox saw " + total + " cancels, expected " + paid.size());
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads payment.events from its current end and notes when each order's PAYMENT_CANCELED arrives. */
    private static final class CanceledEvents implements AutoCloseable {

        final Map<String, Instant> received = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        CanceledEvents(String bootstrap) throws InterruptedException {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.isEmpty()) { // payment-service created the topic at start-up
                consumer.partitionsFor(Topics.PAYMENT_EVENTS).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                if (partitions.isEmpty() && System.nanoTime() > deadline) {
                    throw new IllegalStateException(Topics.PAYMENT_EVENTS + " not found");
                }
                Thread.sleep(100);
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is published
            EventCodec codec = new EventCodec();
            this.thread = Thread.ofPlatform().name("bench-payment-events").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                            Instant at = Instant.now();
                            EventEnvelope<?> e = codec.decode(r.value());
                            if (e.eventType() == EventType.PAYMENT_CANCELED) {
                                received.putIfAbsent(e.orderId(), at);
                            }
                        }
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
