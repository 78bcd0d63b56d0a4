package com.acme.shop.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Records every record that arrives on some topics (from the beginning) on a background thread, so a
 * test can assert on what a service published: {@code recorder.await(r -> r.key().equals(orderId))}.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, Collection<String> topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
        poller = Thread.ofPlatform().daemon(true).name("topic-recorder").start(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        });
    }

    public List<ConsumerRecord<String, String>> records() {
        return new ArrayList<>(records);
    }

    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Waits (up to 30 s) until at least one matching record arrived and returns the first. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> filter) {
        return await(filter, 1).getFirst();
    }

    /** Waits (up to 30 s) until at least {@code count} matching records arrived and returns them all. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(filter).size() >= count);
        return matching(filter);
    }

    /** Records whose value names the given event type; cheap filter for envelopes. */
    public static Predicate<ConsumerRecord<String, String>> event(String orderId, String eventType) {
        return r -> orderId.equals(r.key()) && r.value().contains("\"eventType\":\"" + eventType + "\"");
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
