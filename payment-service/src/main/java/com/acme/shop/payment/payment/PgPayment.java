package com.acme.shop.payment.payment;

import java.time.Instant;
import java.util.List;

/**
 * A payment as the PG reports it, in our terms (no Toss wire type leaks past the gateway adapter).
 *
 * @param status the PG's status name (Toss: READY, IN_PROGRESS, DONE, CANCELED, ...)
 */
public record PgPayment(String paymentKey, String orderId, String status, String method, String easyPayProvider,
                        long totalAmount, long balanceAmount, String lastTransactionKey, Instant approvedAt,
                        String failureCode, String failureMessage, List<PgCancel> cancels, String secret,
                        PgVirtualAccount virtualAccount) {

    public PgPayment {
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
    }

    /** Where the customer pays a virtual-account payment, and until when. */
    public record PgVirtualAccount(String bankCode, String accountNumber, Instant dueAt, boolean expired) {
    }

    /** One cancel transaction at the PG. */
    public record PgCancel(String transactionKey, long cancelAmount, long refundableAmount, String cancelReason,
                           Instant canceledAt) {
    }
}
