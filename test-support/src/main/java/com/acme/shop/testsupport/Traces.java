package com.acme.shop.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * W3C trace context for tests that follow one trace across services: a trace of the test's choosing, records sent
 * with it by a plain producer (a Spring {@code KafkaTemplate} with observation on would add a traceparent of its own),
 * and the trace id a consumed record carries.
 */
public final class Traces {

    private static KafkaProducer<String, String> producer;

    private Traces() {
    }

    /** A random 32-hex-digit trace id. */
    public static String newTraceId() {
        return hex(16);
    }

    /** A sampled {@code traceparent} of the trace, with a random parent span id. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    /** The trace id in a record's last {@code traceparent} header, or null. */
    public static String traceIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        if (header == null) {
            return null;
        }
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        return parts.length == 4 ? parts[1] : null;
    }

    /** Sends a record with the given traceparent (and headers) and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, String value, String traceparent, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
