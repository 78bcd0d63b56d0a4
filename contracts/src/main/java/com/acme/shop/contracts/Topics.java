package com.acme.shop.contracts;

/**
 * Kafka topic names. Every record is keyed by {@code orderId}, so all events of one payment and its
 * order land in one partition and are consumed in the order they were produced.
 */
public final class Topics {

    /** PAYMENT_APPROVED, PAYMENT_CANCELED; produced by payment-service. */
    public static final String PAYMENT_EVENTS = "payment.events";

    /** ORDER_CREATED, ORDER_CREATION_FAILED; produced by order-service. */
    public static final String ORDER_EVENTS = "order.events";

    /** Suffix of the dead-letter topic that holds records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
