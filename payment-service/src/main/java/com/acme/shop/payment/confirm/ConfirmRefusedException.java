package com.acme.shop.payment.confirm;

import java.util.Map;

/**
 * A confirm refused before anything reached the PG: nothing was charged. Each refusal has a stable code the web
 * layer shows the caller; the ones that can mean tampering are also written to the security trail.
 */
public class ConfirmRefusedException extends RuntimeException {

    /** Why a confirm was refused; the names are the problem codes callers branch on. */
    public enum Reason {
        /** The paymentKey is not of the PG's shape. */
        INVALID_PAYMENT_KEY,
        /** The amount differs from the checkout's (a tampered request). */
        AMOUNT_MISMATCH,
        /** The order is already bound to another paymentKey. */
        PAYMENT_KEY_MISMATCH,
        /** The paymentKey is already bound to another order. */
        PAYMENT_KEY_ALREADY_USED,
        /** The payment has ended (ABORTED, EXPIRED...) and cannot be confirmed. */
        PAYMENT_NOT_CONFIRMABLE,
        /** The checkout's 30 minutes passed; it has just been expired. */
        CHECKOUT_EXPIRED
    }

    private final Reason reason;
    private final Map<String, Object> details;

    ConfirmRefusedException(Reason reason, String message, Map<String, Object> details) {
        super(message);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    ConfirmRefusedException(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    /** Extra facts for the caller, e.g. the expected amount or the payment's status. */
    public Map<String, Object> details() {
        return details;
    }

    static ConfirmRefusedException malformedPaymentKey() {
        return new ConfirmRefusedException(Reason.INVALID_PAYMENT_KEY,
                "paymentKey must be 10-200 characters of letters, digits, '-' and '_'");
    }

    static ConfirmRefusedException amountMismatch(long expected) {
        return new ConfirmRefusedException(Reason.AMOUNT_MISMATCH,
                "The amount does not match the checkout; nothing was charged", Map.of("expectedAmount", expected));
    }

    static ConfirmRefusedException paymentKeyMismatch() {
        return new ConfirmRefusedException(Reason.PAYMENT_KEY_MISMATCH, "This order is bound to a different paymentKey");
    }

    static ConfirmRefusedException paymentKeyReused() {
        return new ConfirmRefusedException(Reason.PAYMENT_KEY_ALREADY_USED,
                "This paymentKey is already bound to another order");
    }

    static ConfirmRefusedException notConfirmable(com.acme.shop.payment.Payment p) {
        return new ConfirmRefusedException(Reason.PAYMENT_NOT_CONFIRMABLE,
                "Payment is " + p.status() + " and cannot be confirmed", Map.of("paymentStatus", p.status().name()));
    }

    static ConfirmRefusedException expired(com.acme.shop.payment.Payment p) {
        return new ConfirmRefusedException(Reason.CHECKOUT_EXPIRED,
                "The 30-minute payment window of this checkout has passed; start a new checkout",
                Map.of("paymentStatus", p.status().name()));
    }
}
