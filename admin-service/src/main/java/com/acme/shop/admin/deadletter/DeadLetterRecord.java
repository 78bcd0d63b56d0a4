package com.acme.shop.admin.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a record of a dead-letter topic says about itself: where it sits, the original key and value, and what
 * spring-kafka's {@code DeadLetterPublishingRecoverer} put in its headers (origin and cause; the original
 * record's own headers, such as {@code eventId} and {@code eventType}, are copied along). Every header is
 * optional: a record put on a DLT by hand has none.
 */
record DeadLetterRecord(String topic, int partition, long offset, String key, String value, String eventId,
                        String eventType, String originalTopic, Integer originalPartition, Long originalOffset,
                        String originalConsumerGroup, String exceptionClass, String exceptionMessage) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DeadLetterRecord of(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String eventId = text(headers, "eventId");
        String eventType = text(headers, "eventType");
        if (eventId == null || eventType == null) {
            JsonNode envelope = envelope(record.value());
            eventId = eventId != null ? eventId : field(envelope, "eventId");
            eventType = eventType != null ? eventType : field(envelope, "eventType");
        }
        return new DeadLetterRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                limit(eventId, 64), limit(eventType, 64),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                // the handler wraps the listener's exception (ListenerExecutionFailedException): the cause is the news
                limit(cause != null ? cause : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN), 500),
                text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Long.BYTES ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }

    /** The event envelope when the value is readable JSON at all; dead letters often are not. */
    private static JsonNode envelope(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(JsonNode envelope, String name) {
        return envelope != null && envelope.path(name).isString() ? envelope.path(name).asString() : null;
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
