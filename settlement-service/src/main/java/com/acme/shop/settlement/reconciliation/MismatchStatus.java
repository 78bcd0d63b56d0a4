package com.acme.shop.settlement.reconciliation;

/** OPEN while the latest run of its date still finds it; RESOLVED once a re-run no longer does. */
enum MismatchStatus {
    OPEN,
    RESOLVED
}
