package com.acme.shop.contracts;

/**
 * The payload of an event. Each payload names the order it belongs to, which is also the Kafka key.
 * The set of payloads is closed by {@link EventType}: a payload without an event type cannot be sent.
 */
public interface EventPayload {

    String orderId();
}
