package com.acme.shop.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What goes on the wire for every event: a unique {@code eventId} (consumers deduplicate on it), the
 * stable {@code eventType}, when it happened (UTC instant), the {@code orderId} (also the Kafka key)
 * and the typed payload.
 */
public record EventEnvelope<P extends EventPayload>(UUID eventId, EventType eventType, Instant occurredAt,
                                                    String orderId, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(payload, "payload");
        if (!eventType.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(eventType + " cannot carry a " + payload.getClass().getSimpleName());
        }
        if (!orderId.equals(payload.orderId())) {
            throw new IllegalArgumentException("envelope orderId " + orderId + " differs from payload " + payload.orderId());
        }
    }

    /** A new event with a fresh random id. */
    public static <P extends EventPayload> EventEnvelope<P> of(P payload, Instant occurredAt) {
        return new EventEnvelope<>(UUID.randomUUID(), EventType.of(payload.getClass()), occurredAt,
                payload.orderId(), payload);
    }

    public String topic() {
        return eventType.topic();
    }
}
