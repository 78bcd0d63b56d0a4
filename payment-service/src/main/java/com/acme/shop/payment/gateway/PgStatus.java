package com.acme.shop.payment.gateway;

/**
 * A payment's status at the PG (docs/toss-api.md, section 4). The adapter maps the PG's names to these; a status
 * the PG adds later arrives as {@link #UNRECOGNIZED}, which nothing acts on.
 */
public enum PgStatus {
    /** The payment window opened; the customer has not authenticated yet. */
    READY,
    /** Authenticated; waiting for our confirm (Toss allows 10 minutes). */
    IN_PROGRESS,
    /** A virtual account was issued; no money yet. */
    WAITING_FOR_DEPOSIT,
    /** Approved, or the virtual account's deposit arrived: money taken. */
    DONE,
    CANCELED,
    PARTIAL_CANCELED,
    /** The approval failed; the PG says why in its failure code. */
    ABORTED,
    /** The window or the confirm deadline lapsed. */
    EXPIRED,
    UNRECOGNIZED;

    /** The PG has not decided yet: a confirm can still approve it. */
    public boolean awaitsConfirm() {
        return this == READY || this == IN_PROGRESS;
    }
}
