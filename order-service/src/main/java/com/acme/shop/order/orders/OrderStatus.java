package com.acme.shop.order.orders;

/**
 * Where an order is in its life. The allowed moves are listed in {@link #canMoveTo}; anything else is a bug
 * or an event out of order and is refused.
 *
 * <p>Fulfilment states (PREPARING, SHIPPED, DELIVERED) will sit between CREATED and the end when the shop
 * starts shipping; refunds of shipped orders will need their own rules then.
 */
public enum OrderStatus {

    /** The approved payment became an order and its stock was taken. */
    CREATED,

    /**
     * The order could not be created (stock ran out, product withdrawn); ORDER_CREATION_FAILED was published
     * and payment-service is refunding the money. Becomes CANCELED when the refund is confirmed.
     */
    FAILED,

    /** Part of the payment was refunded; the rest still stands. */
    PARTIALLY_REFUNDED,

    /** Fully refunded. Terminal. */
    CANCELED;

    boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case CREATED -> next == PARTIALLY_REFUNDED || next == CANCELED;
            case PARTIALLY_REFUNDED -> next == PARTIALLY_REFUNDED || next == CANCELED;
            case FAILED -> next == CANCELED;
            case CANCELED -> false;
        };
    }

    /** Whether a refund can still be recorded against an order in this status. */
    boolean acceptsRefund() {
        return this != CANCELED;
    }
}
