package com.acme.shop.admin.deadletter;

import java.time.Instant;

/**
 * A dead letter as the API shows it.
 *
 * @param topic     the dead-letter topic, with {@code partition} and {@code offset} of the record there
 * @param key       the original key (the orderId)
 * @param value     the original value, exactly as it was (may be unreadable; that is often why it is here)
 * @param origin    where it came from and which consumer group gave up on it
 * @param cause     why: the exception's class and message
 */
public record DeadLetterView(long id, String topic, int partition, long offset, String key, String value, String eventId,
                      String eventType, Origin origin, Cause cause, Instant receivedAt, DeadLetterStatus status,
                      Instant replayedAt, String replayedBy) {

    public record Origin(String topic, Integer partition, Long offset, String consumerGroup) {
    }

    public record Cause(String exceptionClass, String message) {
    }
}
