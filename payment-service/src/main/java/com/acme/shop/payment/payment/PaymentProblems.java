package com.acme.shop.payment.payment;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The payment API's refusals, each with its stable code. */
final class PaymentProblems {

    private PaymentProblems() {
    }

    static ApiException notFound(String orderId) {
        return new ApiException(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", "No checkout with orderId " + orderId);
    }

    static ApiException malformedPaymentKey() {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PAYMENT_KEY",
                "paymentKey must be 10-200 characters of letters, digits, '-' and '_'");
    }

    static ApiException amountMismatch(long expected) {
        return new ApiException(HttpStatus.BAD_REQUEST, "AMOUNT_MISMATCH",
                "The amount does not match the checkout; nothing was charged", Map.of("expectedAmount", expected));
    }

    static ApiException paymentKeyMismatch() {
        return new ApiException(HttpStatus.CONFLICT, "PAYMENT_KEY_MISMATCH",
                "This order is bound to a different paymentKey");
    }

    static ApiException paymentKeyReused() {
        return new ApiException(HttpStatus.CONFLICT, "PAYMENT_KEY_ALREADY_USED",
                "This paymentKey is already bound to another order");
    }

    static ApiException notConfirmable(Payment p) {
        return new ApiException(HttpStatus.CONFLICT, "PAYMENT_NOT_CONFIRMABLE",
                "Payment is " + p.status() + " and cannot be confirmed",
                Map.of("status", p.status().name()));
    }

    static ApiException expired(Payment p) {
        return new ApiException(HttpStatus.CONFLICT, "CHECKOUT_EXPIRED",
                "The 30-minute payment window of this checkout has passed; start a new checkout",
                Map.of("status", p.status().name()));
    }

    static ApiException pgUnavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PG_UNAVAILABLE",
                "Toss could not be reached; nothing was charged and the payment can be confirmed again");
    }

    static ApiException notAbortable(Payment p) {
        return new ApiException(HttpStatus.CONFLICT, "PAYMENT_NOT_ABORTABLE",
                "Payment is " + p.status() + "; only a READY payment can be abandoned",
                Map.of("status", p.status().name()));
    }
}
