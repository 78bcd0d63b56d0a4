package com.acme.shop.payment;

/** No checkout has this orderId. */
public class PaymentNotFoundException extends RuntimeException {

    private final String orderId;

    public PaymentNotFoundException(String orderId) {
        super("No checkout with orderId " + orderId);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
