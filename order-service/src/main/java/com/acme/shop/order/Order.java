package com.acme.shop.order;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order for one approved payment, identified by the payment's orderId. It is either CREATED (stock
 * taken) or FAILED (refused; the money is being refunded), then follows the payment's refunds. Amounts in
 * KRW won. An order fully refunded while its goods are still on the shelf gives its stock back, once.
 */
@Entity(name = "ShopOrder") // "Order" is a JPQL keyword
@Table(name = "orders")
public class Order {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Column(name = "payment_key", nullable = false, length = 200)
    private String paymentKey;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 32)
    private OrderStatus status;

    @Column(name = "total_amount", nullable = false)
    private long totalAmount;

    @Column(name = "refunded_amount", nullable = false)
    private long refundedAmount;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "failure_reason", length = 32)
    private FailureReason failureReason;

    @Column(name = "failure_detail", length = 500)
    private String failureDetail;

    /** When the order put its lines' quantities back on the shelf; null while it never did. */
    @Column(name = "stock_returned_at")
    private Instant stockReturnedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    @BatchSize(size = 50)
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    private Order(String orderId, String paymentKey, String customerId, long totalAmount, List<LineItem> items,
                  OrderStatus status, Instant at) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        if (totalAmount < 0) {
            throw new IllegalArgumentException("order " + orderId + " has a negative total " + totalAmount);
        }
        this.orderId = orderId;
        this.paymentKey = paymentKey;
        this.customerId = customerId;
        this.totalAmount = totalAmount;
        this.status = status;
        this.createdAt = at;
        this.updatedAt = at;
        for (int i = 0; i < items.size(); i++) {
            lines.add(OrderLine.of(i + 1, items.get(i)));
        }
    }

    /** The payment was approved and the stock of every line was taken. */
    public static Order created(String orderId, String paymentKey, String customerId, long totalAmount,
                                List<LineItem> items, Instant at) {
        return new Order(orderId, paymentKey, customerId, totalAmount, items, OrderStatus.CREATED, at);
    }

    /**
     * The payment was approved but the order cannot be fulfilled. Kept (not discarded) so the refund that
     * follows can be matched to it and operators can see why.
     */
    public static Order failed(String orderId, String paymentKey, String customerId, long totalAmount,
                               List<LineItem> items, FailureReason reason, String detail, Instant at) {
        Order order = new Order(orderId, paymentKey, customerId, totalAmount, items, OrderStatus.FAILED, at);
        order.failureReason = reason;
        order.failureDetail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        return order;
    }

    /**
     * Records a refund confirmed by Toss. {@code balanceAmount} is Toss's word for what is still held: at 0
     * the order is CANCELED. A FAILED order stays FAILED until its refund is complete and keeps its failure
     * reason, so the timeline still shows why it was refunded; an order in fulfilment keeps its fulfilment
     * status until the refund is complete.
     *
     * <p>Returns the pieces per product to put back on the shelf: the whole order's, when this refund cancels an
     * order that still holds its stock (CREATED or PARTIALLY_REFUNDED), else nothing. A partial refund returns
     * nothing, since an amount does not say which items came back. A FAILED order never took stock; an order with
     * the warehouse or the carrier (PREPARING, SHIPPED) has left the shelf, and its goods come back through a
     * return, not through the refund. The order remembers that it gave its stock back, and never does it twice.
     *
     * @throws IllegalOrderTransitionException when the order is already fully refunded
     * @throws IllegalArgumentException        when the refunds would exceed what was paid
     */
    public Map<String, Integer> recordRefund(long cancelAmount, long balanceAmount, Instant at) {
        if (cancelAmount <= 0 || balanceAmount < 0) {
            throw new IllegalArgumentException("invalid refund of " + cancelAmount + " (balance " + balanceAmount
                    + ") for order " + orderId);
        }
        if (!status.acceptsRefund()) {
            throw new IllegalOrderTransitionException(orderId, status, "record a refund of " + cancelAmount);
        }
        if (refundedAmount + cancelAmount > totalAmount) {
            throw new IllegalArgumentException("refund of " + cancelAmount + " exceeds the refundable "
                    + refundableAmount() + " of order " + orderId);
        }
        boolean heldStock = holdsStock();
        if (balanceAmount == 0) {
            moveTo(OrderStatus.CANCELED);
        } else if (status != OrderStatus.FAILED && !status.inFulfilment()) {
            moveTo(OrderStatus.PARTIALLY_REFUNDED);
        }
        refundedAmount += cancelAmount;
        updatedAt = at;
        if (status == OrderStatus.CANCELED && heldStock) {
            stockReturnedAt = at;
            return quantities();
        }
        return Map.of();
    }

    /** Whether the order's goods are still counted out of the shelf's stock and could go back to it. */
    boolean holdsStock() {
        return status.holdsStock() && stockReturnedAt == null;
    }

    /** Pieces per product over all lines (a product on several lines is summed), in line order. */
    private Map<String, Integer> quantities() {
        Map<String, Integer> pieces = new LinkedHashMap<>();
        lines.forEach(line -> pieces.merge(line.productId(), line.quantity(), Math::addExact));
        return Collections.unmodifiableMap(pieces);
    }

    /** The warehouse starts picking the order (fulfilment; no event drives this yet). */
    void startPreparing(Instant at) {
        moveTo(OrderStatus.PREPARING);
        updatedAt = at;
    }

    /** The order left with the carrier. */
    void ship(Instant at) {
        moveTo(OrderStatus.SHIPPED);
        updatedAt = at;
    }

    private void moveTo(OrderStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalOrderTransitionException(orderId, status, "become " + next);
        }
        status = next;
    }

    public long refundableAmount() {
        return totalAmount - refundedAmount;
    }

    public OrderCreated createdEvent() {
        if (status != OrderStatus.CREATED) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", not CREATED");
        }
        return new OrderCreated(orderId, paymentKey, customerId, totalAmount, lineItems(), createdAt);
    }

    public OrderCreationFailed creationFailedEvent() {
        if (status != OrderStatus.FAILED) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", not FAILED");
        }
        return new OrderCreationFailed(orderId, paymentKey, totalAmount, failureReason, failureDetail);
    }

    List<LineItem> lineItems() {
        return lines.stream().map(OrderLine::toLineItem).toList();
    }

    public String orderId() {
        return orderId;
    }

    String paymentKey() {
        return paymentKey;
    }

    String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public long totalAmount() {
        return totalAmount;
    }

    long refundedAmount() {
        return refundedAmount;
    }

    FailureReason failureReason() {
        return failureReason;
    }

    String failureDetail() {
        return failureDetail;
    }

    Instant stockReturnedAt() {
        return stockReturnedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
