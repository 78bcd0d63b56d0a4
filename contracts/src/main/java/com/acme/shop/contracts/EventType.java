package com.acme.shop.contracts;

import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events on the wire. The constant's name is the stable wire name ({@code eventType}); it never
 * carries a Java class name. A breaking change to a payload gets a new constant (e.g.
 * {@code PAYMENT_APPROVED_V2}) and a new schema; existing ones are never edited incompatibly.
 */
public enum EventType {

    PAYMENT_APPROVED(Topics.PAYMENT_EVENTS, PaymentApproved.class),
    PAYMENT_CANCELED(Topics.PAYMENT_EVENTS, PaymentCanceled.class),
    ORDER_CREATED(Topics.ORDER_EVENTS, OrderCreated.class),
    ORDER_CREATION_FAILED(Topics.ORDER_EVENTS, OrderCreationFailed.class);

    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String topic, Class<? extends EventPayload> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Classpath location of this event's JSON Schema (the whole envelope, payload included). */
    public String schemaResource() {
        return "contracts/schemas/" + name() + ".schema.json";
    }

    /** Classpath location of an example message that validates against the schema. */
    public String exampleResource() {
        return "contracts/examples/" + name() + ".example.json";
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public static EventType of(Class<? extends EventPayload> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadType.getSimpleName()));
    }
}
