package com.acme.shop.payment;

/** A payment was asked to move to a status its current status does not allow: a bug or a race lost, never input. */
public class IllegalPaymentTransitionException extends IllegalStateException {

    private final String orderId;
    private final PaymentStatus from;

    public IllegalPaymentTransitionException(String orderId, PaymentStatus from, PaymentStatus to) {
        super("Payment " + orderId + " cannot go from " + from + " to " + to);
        this.orderId = orderId;
        this.from = from;
    }

    public String orderId() {
        return orderId;
    }

    public PaymentStatus from() {
        return from;
    }
}
