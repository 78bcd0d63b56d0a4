package com.acme.shop.contracts.payment;

import com.acme.shop.contracts.EventPayload;

import java.time.Instant;

/**
 * Toss confirmed a cancel (full or partial) of an approved payment. One event per cancel transaction.
 *
 * @param cancelAmount   won returned to the customer by this cancel
 * @param balanceAmount  won still held after this cancel (0 = fully canceled)
 * @param transactionKey Toss's key of this cancel transaction
 * @param cause          why we canceled: {@link CancelCause}
 */
public record PaymentCanceled(String orderId, String paymentKey, String method, long totalAmount,
                              long cancelAmount, long balanceAmount, String transactionKey,
                              String cancelReason, CancelCause cause, Instant canceledAt)
        implements EventPayload {

    public boolean fullyCanceled() {
        return balanceAmount == 0;
    }
}
