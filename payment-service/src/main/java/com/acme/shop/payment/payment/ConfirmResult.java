package com.acme.shop.payment.payment;

/**
 * What a confirm request came to, for the controller to render.
 * <ul>
 *   <li>{@link Approved}: DONE (now, or earlier: a repeated confirm returns the stored result);</li>
 *   <li>{@link Declined}: Toss refused; the payment is ABORTED and no money was taken;</li>
 *   <li>{@link Pending}: the outcome is unknown or another request is confirming; poll the payment;</li>
 *   <li>{@link AwaitingDeposit}: a virtual account was issued; show it to the customer.</li>
 * </ul>
 */
public sealed interface ConfirmResult {

    record Approved(Payment payment) implements ConfirmResult {
    }

    record Declined(Payment payment, String code, String message) implements ConfirmResult {
    }

    record Pending(Payment payment) implements ConfirmResult {
    }

    /**
     * Toss answered but we could not record the answer (database trouble): the payment is IN_PROGRESS as
     * claimed, and the recovery job settles it from Toss. Poll, as for {@link Pending}. Carries what the
     * request said, not a loaded payment: the database is what failed.
     */
    record Unrecorded(String orderId, String paymentKey, long amount) implements ConfirmResult {
    }

    /** A virtual account was issued: the customer pays into it; the deposit arrives by webhook. */
    record AwaitingDeposit(Payment payment) implements ConfirmResult {
    }
}
