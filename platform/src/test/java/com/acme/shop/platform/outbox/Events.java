package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.PaymentApproved;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Test events, producers configured like the services' (but failing fast), and a reader of whole topics. */
final class Events {

    private Events() {
    }

    static String newOrderId() {
        return "it_" + UUID.randomUUID().toString().replace("-", "");
    }

    static EventEnvelope<PaymentApproved> approved(String orderId, Instant at) {
        return approved(orderId, at, 1);
    }

    /** {@code lines} makes the payload as large as needed (about 60 bytes a line). */
    static EventEnvelope<PaymentApproved> approved(String orderId, Instant at, int lines) {
        List<LineItem> items = IntStream.range(0, lines)
                .mapToObj(i -> new LineItem("P-" + i, "상품 " + i, 1, 1000)).toList();
        PaymentApproved payload = new PaymentApproved(orderId, "pk_" + orderId, "customer-it", "테스트 주문", "카드",
                null, 1000L * lines, "KRW", "tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                at, items);
        return EventEnvelope.of(payload, at);
    }

    /**
     * acks=all + idempotence like the services; timeouts small so a down broker fails a send in about a
     * second instead of a minute (max.block.ms bounds the wait for metadata, delivery.timeout.ms the rest).
     */
    static DefaultKafkaProducerFactory<String, String> producer(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        config.putAll(overrides);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Every record on the topic, from the beginning up to the end offsets as of now, in offset order per
     * partition. Called once the relay has no send in flight, so nothing can arrive later.
     */
    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
