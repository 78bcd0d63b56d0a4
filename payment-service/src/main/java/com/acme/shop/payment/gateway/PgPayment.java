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
                        PgVirtualAccount virtualAccount, PgCard card, String receiptUrl) {

    public PgPayment {
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
    }

    /** Without card and receipt (what most tests and a virtual account need). */
    public PgPayment(String paymentKey, String orderId, PgStatus status, PgMethod method, String easyPayProvider,
                     long totalAmount, long balanceAmount, String lastTransactionKey, Instant approvedAt,
                     String failureCode, String failureMessage, List<PgCancel> cancels, String secret,
                     PgVirtualAccount virtualAccount) {
        this(paymentKey, orderId, status, method, easyPayProvider, totalAmount, balanceAmount, lastTransactionKey,
                approvedAt, failureCode, failureMessage, cancels, secret, virtualAccount, null, null);
    }

    /**
     * The card a payment was made with, as the PG shows it to the merchant.
     *
     * @param number             masked by the PG (e.g. 12345678****000*)
     * @param installmentMonths  0 for a lump sum
     * @param approveNo          the card company's approval number
     * @param cardType           신용, 체크, 기프트 or 미확인
     */
    public record PgCard(String issuerCode, String number, Integer installmentMonths, String approveNo,
                         String cardType) {
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
