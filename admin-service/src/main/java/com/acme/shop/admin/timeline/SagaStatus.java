package com.acme.shop.admin.timeline;

/** Where one order's payment saga stands, as far as admin-service has seen its events. */
public enum SagaStatus {
    /** Toss approved the payment; order-service has not answered yet. */
    APPROVED,
    /** The order was created for the approved payment: the happy path's end. */
    COMPLETED,
    /** The order could not be created; the compensating refund has not been confirmed yet. */
    COMPENSATING,
    /** The order could not be created and the payment was refunded in full. */
    COMPENSATED,
    /** The payment was refunded in full without a failed order (after the order, or before it was decided). */
    REFUNDED,
    /** Part of the payment was refunded; the rest is still held. */
    PARTIALLY_REFUNDED
}
