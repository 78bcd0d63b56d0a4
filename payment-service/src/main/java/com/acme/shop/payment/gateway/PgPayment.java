package com.acme.shop.payment.gateway;

import java.time.Instant;
import java.util.List;

/**
 * A payment as the PG reports it, in our terms: no PG wire type leaks past the adapter (docs/toss-api.md,
 * section 3, for what each field means at Toss).
 *
 * @param lastTransactionKey the key of the PG's latest transaction: the approval, or the latest cancel
 * @param secret             the PG's per-payment secret; a genuine deposit webhook carries the same value
 * @param cancels            the PG's completed cancels, oldest first; each says the balance left after it
 */
public record PgPayment(String paymentKey, String orderId, PgStatus status, PgMethod method, String easyPayProvider,
                        long totalAmount, long balanceAmount, String lastTransactionKey, Instant approvedAt,
                        String failureCode, String failureMessage, List<PgCancel> cancels, String secret,
                        PgVirtualAccount virtualAccount) {

    public PgPayment {
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
    }

    /** Where the customer pays a virtual-account payment, and until when. */
    public record PgVirtualAccount(String bankCode, String accountNumber, Instant dueAt, boolean expired) {
    }

    /**
     * One completed cancel at the PG.
     *
     * @param refundableAmount the payment's balance right after this cancel
     */
    public record PgCancel(String transactionKey, long cancelAmount, long refundableAmount, String cancelReason,
                           Instant canceledAt) {
    }
}
