package com.acme.shop.payment.confirm;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentView;

import java.time.Duration;

/**
 * What a confirm came to, read straight from the payment's state once the outcome is recorded; the controller maps
 * each case to its HTTP answer.
 * <ul>
 *   <li>{@link Approved}: DONE, now or earlier (a repeated confirm returns the stored result without calling the PG),
 *       or already (partly) refunded;</li>
 *   <li>{@link AwaitingDeposit}: a virtual account was issued; show it to the customer;</li>
 *   <li>{@link Pending}: the outcome is unknown, another request is confirming, or the answer could not be recorded:
 *       poll the payment;</li>
 *   <li>{@link Declined}: the PG refused; the payment ended and no money was taken;</li>
 *   <li>{@link NotSent}: the PG could not be reached; nothing was charged and the payment can be confirmed again;</li>
 *   <li>{@link UnknownPaymentKey}: the PG does not know the key (a made-up one); the checkout stays confirmable.</li>
 * </ul>
 */
sealed interface ConfirmResult {

    PaymentView payment();

    record Approved(PaymentView payment) implements ConfirmResult {
    }

    record AwaitingDeposit(PaymentView payment) implements ConfirmResult {
    }

    /** @param retryAfter how long the caller should wait before polling */
    record Pending(PaymentView payment, Duration retryAfter) implements ConfirmResult {
    }

    /** @param code the PG's refusal code (or EXPIRED) */
    record Declined(PaymentView payment, String code, String message) implements ConfirmResult {
    }

    record NotSent(PaymentView payment) implements ConfirmResult {
    }

    /**
     * The PG does not know the paymentKey presented, and this confirm was the first to use it: nothing was charged, the
     * binding is undone and the checkout waits for the key the PG really gave the customer.
     */
    record UnknownPaymentKey(PaymentView payment) implements ConfirmResult {
    }

    Duration POLL = Duration.ofSeconds(2);

    /** The answer the payment's current state gives. */
    static ConfirmResult of(Payment payment) {
        PaymentView view = PaymentView.of(payment);
        return switch (payment.status()) {
            case DONE, PARTIAL_CANCELED, CANCELED -> new Approved(view);
            case WAITING_FOR_DEPOSIT -> new AwaitingDeposit(view);
            case IN_PROGRESS, OUTCOME_UNKNOWN, MANUAL_REVIEW -> new Pending(view, POLL);
            case ABORTED, EXPIRED -> new Declined(view, payment.failureCode(), payment.failureMessage());
            case READY -> new NotSent(view);
        };
    }

    /**
     * The PG answered but the answer could not be written down (database trouble): the payment is IN_PROGRESS as
     * claimed and recovery settles it from the PG. Built from what the request itself established: the database is
     * what failed.
     */
    static ConfirmResult unrecorded(String orderId, String paymentKey, long amount) {
        return new Pending(PaymentView.inProgress(orderId, paymentKey, amount), Duration.ofSeconds(5));
    }
}
