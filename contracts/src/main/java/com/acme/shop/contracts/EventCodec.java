package com.acme.shop.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns envelopes into JSON and back, the one way every producer and consumer does it. Decoding is
 * strict about the contract (the message must validate against its event's JSON Schema) and tolerant
 * of additions (unknown fields are ignored), so producers can add optional fields without breaking
 * consumers. Thread-safe.
 */
public final class EventCodec {

    private final JsonMapper mapper;
    private final EventSchemas schemas;

    public EventCodec() {
        this(EventSchemas.load());
    }

    public EventCodec(EventSchemas schemas) {
        this.schemas = schemas;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public String encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * @throws UnknownEventTypeException when the event type is not one this build knows (a newer
     *                                   producer); consumers usually skip such events
     * @throws InvalidEventException     when the message is not JSON or breaks its schema (a poison message)
     */
    public EventEnvelope<?> decode(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        JsonNode typeNode = tree.get("eventType");
        if (typeNode == null || !typeNode.isString()) {
            throw new InvalidEventException("eventType missing");
        }
        EventType type = EventType.fromWireName(typeNode.asString())
                .orElseThrow(() -> new UnknownEventTypeException(typeNode.asString()));
        List<String> violations = schemas.validate(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type + " violates its schema: " + String.join("; ", violations));
        }
        try {
            EventPayload payload = mapper.treeToValue(tree.get("payload"), type.payloadType());
            return new EventEnvelope<>(UUID.fromString(tree.get("eventId").asString()), type,
                    Instant.parse(tree.get("occurredAt").asString()), tree.get("orderId").asString(), payload);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEventException(type + " payload unreadable: " + e.getMessage(), e);
        }
    }

    /** The message cannot be read as the contract describes it. Retrying will not help. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }

        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The event type is not known to this build of the contracts. */
    public static final class UnknownEventTypeException extends InvalidEventException {
        private final String eventType;

        public UnknownEventTypeException(String eventType) {
            super("unknown eventType " + eventType);
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }
}
