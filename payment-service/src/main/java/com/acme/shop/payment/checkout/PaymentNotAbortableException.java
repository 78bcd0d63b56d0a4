package com.acme.shop.payment.checkout;

import com.acme.shop.payment.PaymentStatus;

/** Only a READY payment can be given up at the payment window; anything later is past it. */
public class PaymentNotAbortableException extends RuntimeException {

    private final PaymentStatus status;

    PaymentNotAbortableException(String orderId, PaymentStatus status) {
        super("Payment " + orderId + " is " + status + "; only a READY payment can be abandoned");
        this.status = status;
    }

    public PaymentStatus status() {
        return status;
    }
}
