package com.acme.shop.sandbox.payment;

import java.time.Instant;

/**
 * The virtual account (가상계좌) Toss issues when a {@code 가상계좌} payment is confirmed. Immutable; the payment swaps
 * it for a changed copy under its lock.
 *
 * @param dueDate deposits at or after this instant are refused; from then on {@code expired} is true
 * @param deposited whether the money arrived ({@code settlementStatus} COMPLETED)
 * @param refundReceiveAccount where a cancel of the deposited money was refunded to, or null
 */
record VirtualAccount(String accountType, String accountNumber, String bankCode, String customerName,
        String depositorName, Instant dueDate, String refundStatus, boolean expired, boolean deposited,
        RefundAccount refundReceiveAccount) {

    static VirtualAccount issued(String accountNumber, String bankCode, String customerName, Instant dueDate) {
        return new VirtualAccount("일반", accountNumber, bankCode, customerName, null, dueDate, "NONE", false, false,
                null);
    }

    boolean isDue(Instant now) {
        return !now.isBefore(dueDate);
    }

    VirtualAccount expire() {
        return new VirtualAccount(accountType, accountNumber, bankCode, customerName, depositorName, dueDate,
                refundStatus, true, deposited, refundReceiveAccount);
    }

    VirtualAccount deposit(String depositor) {
        return new VirtualAccount(accountType, accountNumber, bankCode, customerName,
                depositor == null || depositor.isBlank() ? customerName : depositor, dueDate, refundStatus, expired,
                true, refundReceiveAccount);
    }

    /** The sandbox's bank refunds at once, so the refund is COMPLETED right away (Toss takes about 2 business days). */
    VirtualAccount refundedTo(RefundAccount account) {
        return new VirtualAccount(accountType, accountNumber, bankCode, customerName, depositorName, dueDate,
                "COMPLETED", expired, deposited, account);
    }

}
