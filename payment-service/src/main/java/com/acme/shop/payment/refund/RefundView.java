package com.acme.shop.payment.refund;

import com.acme.shop.payment.PaymentCancel;

import java.time.Instant;

/** A refund as operators see it: what was asked, by whom, and where it stands at the PG. */
public record RefundView(String requestId, String orderId, String cause, Long requestedAmount, String reason,
                         String status, int attempts, String transactionKey, String lastError, String requestedBy,
                         Instant createdAt, Instant completedAt) {

    public static RefundView of(PaymentCancel c) {
        return new RefundView(c.requestId(), c.orderId(), c.cause().name(), c.cancelAmount(), c.cancelReason(),
                c.status().name(), c.attempts(), c.transactionKey(), c.lastError(), c.requestedBy(),
                c.createdAt(), c.completedAt());
    }
}
