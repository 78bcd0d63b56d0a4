package com.acme.shop.order;

import io.swagger.v3.oas.annotations.media.Schema;
import com.acme.shop.contracts.order.FailureReason;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it; amounts in KRW won. {@code failureReason}/{@code failureDetail} null unless it failed;
 * {@code stockReturnedAt} null unless a full refund put the order's pieces back on the shelf.
 */
record OrderView(String orderId, String paymentKey, String customerId, OrderStatus status, long totalAmount,
                 long refundedAmount, FailureReason failureReason, String failureDetail, List<Item> items,
                 Instant createdAt, Instant updatedAt, Instant stockReturnedAt) {

    @Schema(name = "OrderItem")
    record Item(String productId, String productName, int quantity, long unitPrice, long lineAmount) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.orderId(), order.paymentKey(), order.customerId(), order.status(),
                order.totalAmount(), order.refundedAmount(), order.failureReason(), order.failureDetail(),
                order.lines().stream().map(l -> new Item(l.productId(), l.productName(), l.quantity(),
                        l.unitPrice(), l.lineAmount())).toList(),
                order.createdAt(), order.updatedAt(), order.stockReturnedAt());
    }
}
