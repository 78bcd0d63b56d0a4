package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payment events as payment-service publishes them; every call makes a fresh event id. */
public final class PaymentEventFixtures {

    private PaymentEventFixtures() {
    }

    public static String newOrderId() {
        return "it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public static String paymentKeyOf(String orderId) {
        return "tpk_" + orderId;
    }

    public static String saleTransactionOf(String orderId) {
        return "SALE" + orderId.replace("-", "").toUpperCase();
    }

    public static EventEnvelope<PaymentApproved> approved(String orderId, String method, long amount, Instant approvedAt) {
        PaymentApproved payload = new PaymentApproved(orderId, paymentKeyOf(orderId), "customer-1", "토스 티셔츠",
                method, null, amount, "KRW", saleTransactionOf(orderId), approvedAt,
                List.of(new LineItem("TSHIRT", "토스 티셔츠", 1, amount)));
        return EventEnvelope.of(payload, approvedAt.plusMillis(50));
    }

    public static EventEnvelope<PaymentCanceled> canceled(String orderId, String method, long total, long cancelAmount,
                                                  long balanceAfter, Instant canceledAt) {
        PaymentCanceled payload = new PaymentCanceled(orderId, paymentKeyOf(orderId), method, total, cancelAmount,
                balanceAfter, "CNCL" + UUID.randomUUID().toString().replace("-", "").toUpperCase(), "고객 요청 환불",
                CancelCause.MANUAL, canceledAt);
        return EventEnvelope.of(payload, canceledAt.plusMillis(50));
    }
}
