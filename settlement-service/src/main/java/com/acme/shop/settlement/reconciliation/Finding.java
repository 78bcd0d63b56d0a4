package com.acme.shop.settlement.reconciliation;

/** One difference found by a run; values are rendered as text (won amounts or ISO dates), null when missing. */
record Finding(String paymentKey, String transactionKey, String orderId, MismatchKind kind, String ledgerValue,
               String tossValue) {

    String key() {
        return paymentKey + "|" + transactionKey + "|" + kind;
    }
}
