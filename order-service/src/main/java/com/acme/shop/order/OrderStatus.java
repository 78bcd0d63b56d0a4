package com.acme.shop.order;

/**
 * Where an order is in its life. The allowed moves are listed in {@link #canMoveTo}; anything else is a bug
 * or an event out of order and is refused.
 *
 * <pre>
 *   CREATED ──▶ PREPARING ──▶ SHIPPED            (fulfilment; not driven by any event yet)
 *      │  ▲         │            │
 *      ▼  │         ▼            ▼
 *   PARTIALLY_REFUNDED ───────▶ CANCELED          (refunds: PAYMENT_CANCELED, balance &gt; 0 / = 0)
 *   FAILED ──────────────────▶ CANCELED          (the compensating refund of an order never created)
 * </pre>
 *
 * A partial refund of an order in fulfilment (PREPARING, SHIPPED) keeps the fulfilment status; the refunded
 * amount tells the rest. A full refund always ends in CANCELED; from CREATED or PARTIALLY_REFUNDED (goods still on
 * the shelf, {@link #holdsStock}) it also gives the order's stock back.
 */
public enum OrderStatus {

    /** The approved payment became an order and its stock was taken. */
    CREATED,

    /** The warehouse is picking and packing the order. Room for fulfilment; nothing moves orders here yet. */
    PREPARING,

    /** Handed to the carrier. A refund now means a return. */
    SHIPPED,

    /**
     * The order could not be created (stock ran out, product withdrawn, technical failures past the retry
     * budget); ORDER_CREATION_FAILED was published and payment-service is refunding the money. Becomes
     * CANCELED when the refund is confirmed.
     */
    FAILED,

    /** Part of the payment was refunded before fulfilment started; the rest still stands. */
    PARTIALLY_REFUNDED,

    /** Fully refunded. Terminal. */
    CANCELED;

    boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case CREATED -> next == PREPARING || next == PARTIALLY_REFUNDED || next == CANCELED;
            case PARTIALLY_REFUNDED -> next == PREPARING || next == PARTIALLY_REFUNDED || next == CANCELED;
            case PREPARING -> next == SHIPPED || next == CANCELED;
            case SHIPPED -> next == CANCELED;
            case FAILED -> next == CANCELED;
            case CANCELED -> false;
        };
    }

    /** Whether a refund can still be recorded against an order in this status. */
    boolean acceptsRefund() {
        return this != CANCELED;
    }

    /**
     * Whether an order in this status has its goods counted out of stock but still on the shelf: created, or partly
     * refunded before fulfilment started. Only such an order can give its stock back when it is canceled.
     */
    boolean holdsStock() {
        return this == CREATED || this == PARTIALLY_REFUNDED;
    }

    /** Whether the order is with the warehouse or the carrier. */
    boolean inFulfilment() {
        return this == PREPARING || this == SHIPPED;
    }
}
