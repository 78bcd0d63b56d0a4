package com.acme.shop.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Our view of a payment. The first eight mirror Toss's statuses; the last two are ours: the outcome
 * at Toss is unknown (timeout, 5xx...) and must be found out by asking Toss, or a person must look.
 */
public enum PaymentStatus {
    /** Checkout recorded, the customer has not authenticated in the payment window yet. */
    READY,
    /** We claimed the payment for a confirm and are (or were) talking to Toss. */
    IN_PROGRESS,
    /** Virtual account issued, waiting for the deposit. */
    WAITING_FOR_DEPOSIT,
    /** Approved by Toss: money taken. */
    DONE,
    /** Fully refunded. */
    CANCELED,
    /** Partly refunded; a balance remains. */
    PARTIAL_CANCELED,
    /** Approval failed or the customer gave up; no money taken. */
    ABORTED,
    /** The 30-minute checkout window (or Toss's 10-minute confirm window) lapsed. */
    EXPIRED,
    /** We sent a confirm and do not know whether Toss approved it. Never treated as failed. */
    OUTCOME_UNKNOWN,
    /** Automatic resolution gave up; an operator decides. */
    MANUAL_REVIEW;

    private Set<PaymentStatus> next;

    static {
        READY.next = EnumSet.of(IN_PROGRESS, ABORTED, EXPIRED);
        // back to READY only when the request provably never reached Toss (connection refused, breaker open)
        IN_PROGRESS.next = EnumSet.of(DONE, WAITING_FOR_DEPOSIT, ABORTED, EXPIRED, OUTCOME_UNKNOWN, READY);
        // MANUAL_REVIEW: the PG could not be asked about the deposit for the whole budget after the due date
        WAITING_FOR_DEPOSIT.next = EnumSet.of(DONE, CANCELED, EXPIRED, MANUAL_REVIEW);
        DONE.next = EnumSet.of(CANCELED, PARTIAL_CANCELED);
        PARTIAL_CANCELED.next = EnumSet.of(PARTIAL_CANCELED, CANCELED);
        OUTCOME_UNKNOWN.next = EnumSet.of(DONE, WAITING_FOR_DEPOSIT, ABORTED, EXPIRED, IN_PROGRESS, MANUAL_REVIEW);
        MANUAL_REVIEW.next = EnumSet.of(DONE, ABORTED, EXPIRED);
        CANCELED.next = EnumSet.noneOf(PaymentStatus.class);
        ABORTED.next = EnumSet.noneOf(PaymentStatus.class);
        EXPIRED.next = EnumSet.noneOf(PaymentStatus.class);
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next.contains(target);
    }

    /** An approval at the PG is news to us: we were confirming, did not know the answer, or waited for a deposit. */
    public boolean awaitsApproval() {
        return this == IN_PROGRESS || this == OUTCOME_UNKNOWN || this == WAITING_FOR_DEPOSIT || this == MANUAL_REVIEW;
    }

    /** A confirm was sent and its answer is not recorded yet: recovery's queue. */
    public boolean awaitsConfirmAnswer() {
        return this == IN_PROGRESS || this == OUTCOME_UNKNOWN;
    }

    /** Money is (still partly) held by Toss for us. */
    public boolean isPaid() {
        return this == DONE || this == PARTIAL_CANCELED;
    }

    public boolean isTerminal() {
        return next.isEmpty();
    }
}
