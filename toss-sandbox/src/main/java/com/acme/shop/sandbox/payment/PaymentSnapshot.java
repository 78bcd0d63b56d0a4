package com.acme.shop.sandbox.payment;

import java.time.Instant;
import java.util.List;

/** A consistent, immutable copy of a payment, taken under its lock, for rendering. */
record PaymentSnapshot(String merchantId, String paymentKey, String orderId, String orderName, String customerName,
        PaymentMethod method, long totalAmount, long balanceAmount, PaymentStatus status, Instant requestedAt,
        Instant approvedAt, String lastTransactionKey, String approvalTransactionKey, String secret, Failure failure,
        List<Cancel> cancels, VirtualAccount virtualAccount) {

    boolean isApproved() {
        return approvedAt != null;
    }

    TaxSplit taxSplit() {
        return TaxSplit.of(balanceAmount);
    }

}
