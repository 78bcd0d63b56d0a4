package com.acme.shop.sandbox.settlement;

/**
 * A deliberate error the sandbox puts into the settlement rows of one payment, so reconciliation tests have
 * something to find. Deltas are added to what the fee terms give; {@code omit} drops the rows altogether.
 *
 * @param transactionKey only this transaction of the payment; null for all of its rows
 */
record SettlementDistortion(String transactionKey, long amountDelta, long feeDelta, long vatDelta,
        int payoutDateShiftDays, boolean omit) {

    boolean appliesTo(String rowTransactionKey) {
        return transactionKey == null || transactionKey.equals(rowTransactionKey);
    }

}
