package com.acme.shop.admin;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Saga events as the producing services would build them, for one order. */
public final class SagaEvents {

    public static final List<LineItem> ITEMS = List.of(
            new LineItem("TSHIRT-BLK-M", "토스 티셔츠 (검정, M)", 2, 15_000),
            new LineItem("MUG-WHT", "토스 머그컵", 1, 9_000));
    public static final long TOTAL = 39_000;

    private SagaEvents() {
    }

    /** A fresh orderId in the format services issue. */
    public static String newOrderId() {
        return "ord_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static EventEnvelope<PaymentApproved> approved(String orderId, Instant at) {
        return EventEnvelope.of(new PaymentApproved(orderId, "pk_" + orderId, "customer-1001", "토스 티셔츠 (검정, M) 외 1건",
                "카드", null, TOTAL, "KRW", "tx-approve-" + orderId, at, ITEMS), at);
    }

    public static EventEnvelope<OrderCreated> created(String orderId, Instant at) {
        return EventEnvelope.of(new OrderCreated(orderId, "pk_" + orderId, "customer-1001", TOTAL, ITEMS, at), at);
    }

    public static EventEnvelope<OrderCreationFailed> failed(String orderId, Instant at) {
        return EventEnvelope.of(new OrderCreationFailed(orderId, "pk_" + orderId, TOTAL, FailureReason.OUT_OF_STOCK,
                "재고 부족: TSHIRT-BLK-M (요청 2, 재고 1)"), at);
    }

    public static EventEnvelope<PaymentCanceled> canceled(String orderId, long cancelAmount, long balanceAmount,
                                                          CancelCause cause, Instant at) {
        return EventEnvelope.of(new PaymentCanceled(orderId, "pk_" + orderId, "카드", TOTAL, cancelAmount,
                balanceAmount, "tx-cancel-" + UUID.randomUUID().toString().substring(0, 8), "고객 요청 환불", cause, at), at);
    }
}
