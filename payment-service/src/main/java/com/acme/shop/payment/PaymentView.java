package com.acme.shop.payment;

import com.acme.shop.contracts.LineItem;

import java.time.Instant;
import java.util.List;

/** A payment as the API shows it. */
public record PaymentView(String orderId, String status, String orderName, String customerId, long amount,
                          long balanceAmount, long canceledAmount, String currency, String paymentKey, String method,
                          Instant approvedAt, Failure failure, String reviewReason, VirtualAccount virtualAccount,
                          Instant createdAt, Instant expiresAt, List<LineItem> items, Card card,
                          String receiptUrl) {

    public record Failure(String code, String message) {
    }

    /** The card as the PG shows it to the merchant: masked number, issuer, installment months, approval number. */
    public record Card(String issuerCode, String number, Integer installmentMonths, String approveNo,
                       String cardType) {
    }

    /** Where to pay a virtual-account payment, and until when. */
    public record VirtualAccount(String bankCode, String accountNumber, Instant dueAt) {
    }

    /**
     * A payment claimed for a confirm whose answer could not be recorded: only what the confirm request itself
     * established. Polling {@code GET /api/v1/payments/{orderId}} shows the rest once recovery has settled it.
     */
    public static PaymentView inProgress(String orderId, String paymentKey, long amount) {
        return new PaymentView(orderId, PaymentStatus.IN_PROGRESS.name(), null, null, amount, amount, 0, "KRW",
                paymentKey, null, null, null, null, null, null, null, List.of(), null,
                null);
    }

    public static PaymentView of(Payment p) {
        return new PaymentView(p.orderId(), p.status().name(), p.orderName(), p.customerId(), p.totalAmount(),
                p.balanceAmount(), p.canceledAmount(), p.currency(), p.paymentKey(),
                p.method() == null ? null : p.method().label(), p.approvedAt(),
                p.failureCode() == null ? null : new Failure(p.failureCode(), p.failureMessage()),
                p.reviewReason(), p.virtualAccountNumber() == null ? null : new VirtualAccount(p.virtualAccountBank(),
                        p.virtualAccountNumber(), p.virtualAccountDueAt()),
                p.createdAt(), p.expiresAt(), p.items(),
                p.card() == null ? null : new Card(p.card().issuerCode(), p.card().number(),
                        p.card().installmentMonths(), p.card().approveNo(), p.card().cardType()),
                p.receiptUrl());
    }
}
