package com.acme.shop.sandbox.payment;

/** Toss payment statuses (section 4.1 of the API notes). The sandbox creates payments directly in IN_PROGRESS. */
enum PaymentStatus {

    /** The window is open; the customer has not authenticated yet. Not produced by the sandbox. */
    READY,
    /** The customer authenticated; the merchant has 10 minutes to confirm. */
    IN_PROGRESS,
    /** Virtual account issued, money not deposited yet. Not produced by the sandbox. */
    WAITING_FOR_DEPOSIT,
    /** Approved. */
    DONE,
    /** Fully cancelled. */
    CANCELED,
    /** Partly cancelled; some balance is left. */
    PARTIAL_CANCELED,
    /** Approval failed; {@code failure} says why. */
    ABORTED,
    /** Not confirmed in time. */
    EXPIRED;

    boolean isCancelable() {
        return this == DONE || this == PARTIAL_CANCELED || this == WAITING_FOR_DEPOSIT;
    }

    /** Approved at some point: a further confirm is answered with ALREADY_PROCESSED_PAYMENT. */
    boolean wasApproved() {
        return this == DONE || this == CANCELED || this == PARTIAL_CANCELED;
    }

}
