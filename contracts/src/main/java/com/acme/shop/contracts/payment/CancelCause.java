package com.acme.shop.contracts.payment;

/** Who or what started a cancel. Consumers use it to tell a refund for a failed order from a customer refund. */
public enum CancelCause {
    /** Compensation: the order could not be created (ORDER_CREATION_FAILED). */
    ORDER_CREATION_FAILED,
    /** An operator refunded from the admin console. */
    MANUAL,
    /** Canceled outside our system (Toss dashboard), learnt from a webhook or reconciliation. */
    EXTERNAL
}
