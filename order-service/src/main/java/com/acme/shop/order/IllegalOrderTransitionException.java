package com.acme.shop.order;

/** An event or command asked an order for a move its status does not allow. */
class IllegalOrderTransitionException extends IllegalStateException {

    IllegalOrderTransitionException(String orderId, OrderStatus from, String attempted) {
        super("Order " + orderId + " is " + from + " and cannot " + attempted);
    }
}
