package com.acme.shop.sandbox.payment;

import com.acme.shop.sandbox.api.TossTime;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code Payment.virtualAccount} on the wire (docs/toss-api.md, section 3 (the Payment object)). */
@JsonInclude(JsonInclude.Include.ALWAYS)
record VirtualAccountView(String accountType, String accountNumber, String bankCode, String customerName,
        String depositorName, String dueDate, String refundStatus, boolean expired, String settlementStatus,
        RefundReceiveAccountView refundReceiveAccount) {

    static VirtualAccountView of(VirtualAccount account) {
        if (account == null) {
            return null;
        }
        RefundAccount refund = account.refundReceiveAccount();
        return new VirtualAccountView(account.accountType(), account.accountNumber(), account.bankCode(),
                account.customerName(), account.depositorName(), TossTime.format(account.dueDate()),
                account.refundStatus(), account.expired(), account.deposited() ? "COMPLETED" : "INCOMPLETED",
                refund == null ? null
                        : new RefundReceiveAccountView(refund.bankCode(), refund.accountNumber(), refund.holderName()));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RefundReceiveAccountView(String bankCode, String accountNumber, String holderName) {
    }

}
