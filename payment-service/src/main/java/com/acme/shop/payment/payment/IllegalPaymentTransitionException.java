package com.acme.shop.payment.payment;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A payment was asked to move to a status its current status does not allow. */
public class IllegalPaymentTransitionException extends ApiException {

    public IllegalPaymentTransitionException(String orderId, PaymentStatus from, PaymentStatus to) {
        super(HttpStatus.CONFLICT, "ILLEGAL_PAYMENT_TRANSITION",
                "Payment " + orderId + " cannot go from " + from + " to " + to,
                Map.of("orderId", orderId, "status", from.name()));
    }
}
