package com.acme.shop.admin.timeline;

/** What a saga step achieved, as the timeline shows it next to which service did what and when. */
public enum StepOutcome {
    /** payment-service: Toss approved the payment (PAYMENT_APPROVED). */
    APPROVED,
    /** order-service: the order was created and its stock taken (ORDER_CREATED). */
    CREATED,
    /** order-service: the order could not be created; the step's reason says why (ORDER_CREATION_FAILED). */
    FAILED,
    /** payment-service: Toss confirmed a cancel and nothing is held any more (PAYMENT_CANCELED, balance 0). */
    REFUNDED,
    /** payment-service: Toss confirmed a cancel and part of the payment is still held. */
    PARTIALLY_REFUNDED
}
