package com.acme.shop.order.saga;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.order.Order;
import com.acme.shop.order.Orders;
import com.acme.shop.order.catalog.Stock;
import com.acme.shop.order.catalog.StockShortage;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.platform.observability.SagaCompletion;
import com.acme.shop.platform.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies payment events to orders: order-service's steps of the saga. Each event is handled in one transaction
 * together with its inbox row and the outbox row of the resulting event, so a redelivery changes nothing and no
 * effect is announced that was not committed.
 */
@Service
class PaymentEventHandler {

    static final String CONSUMER = "order-service";

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final Orders orders;
    private final Stock stock;
    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final SagaCompletion completion;

    PaymentEventHandler(Orders orders, Stock stock, Inbox inbox, OutboxWriter outbox, Clock clock,
                        MeterRegistry meters) {
        this.orders = orders;
        this.stock = stock;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
        // saga_completion_seconds{step="order"}: Toss's approval to the order row (created, or failed and refunded)
        this.completion = new SagaCompletion(meters, clock, SagaCompletion.ORDER);
    }

    /**
     * Creates the order and takes its stock, or records it as FAILED and asks for the refund
     * (ORDER_CREATION_FAILED). Money is never left taken without one of the two.
     */
    @Transactional
    public void onPaymentApproved(EventEnvelope<PaymentApproved> event) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.debug("Duplicate delivery of {} {} ignored", event.eventType(), event.eventId());
            return;
        }
        PaymentApproved payment = event.payload();
        if (orders.existsByOrderIdOrPaymentKey(payment.orderId(), payment.paymentKey())) {
            // the same approval published again under a new event id: the order already exists
            log.info("Order for orderId {} / paymentKey {} already exists; approval {} ignored",
                    payment.orderId(), payment.paymentKey(), event.eventId());
            return;
        }
        long linesTotal = payment.items().stream().mapToLong(LineItem::lineAmount).sum();
        if (linesTotal != payment.totalAmount()) {
            log.warn("Approved amount {} of order {} differs from its lines' total {}", payment.totalAmount(),
                    payment.orderId(), linesTotal);
        }
        Instant now = clock.instant();
        Optional<StockShortage> shortage = stock.takeAll(quantities(payment.items()));
        if (shortage.isEmpty()) {
            Order order = orders.save(Order.created(payment.orderId(), payment.paymentKey(), payment.customerId(),
                    payment.totalAmount(), payment.items(), now));
            outbox.append(EventEnvelope.of(order.createdEvent(), now));
            log.info("Order {} created ({} won)", order.orderId(), order.totalAmount());
        } else {
            StockShortage why = shortage.get();
            Order order = orders.save(Order.failed(payment.orderId(), payment.paymentKey(), payment.customerId(),
                    payment.totalAmount(), payment.items(), why.reason(), why.detail(), now));
            outbox.append(EventEnvelope.of(order.creationFailedEvent(), now));
            log.warn("Order {} could not be created: {} ({}); refund requested", order.orderId(), why.reason(),
                    why.detail());
        }
        completion.completed(payment.approvedAt());
    }

    /**
     * Records the order as FAILED with reason TECHNICAL and asks for the refund (ORDER_CREATION_FAILED), after
     * {@link OrderCreationRetry} spent the budget of technical retries. Runs in a fresh transaction of its own
     * and takes no stock. If an earlier attempt did commit after all (e.g. the connection broke during the
     * commit), the inbox row or the order is already there and this changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failTechnically(EventEnvelope<PaymentApproved> event, int attempts, Throwable cause) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.info("Approval {} of order {} was applied after all; no TECHNICAL failure recorded",
                    event.eventId(), event.orderId());
            return;
        }
        PaymentApproved payment = event.payload();
        if (orders.existsByOrderIdOrPaymentKey(payment.orderId(), payment.paymentKey())) {
            log.info("Order for orderId {} / paymentKey {} already exists; no TECHNICAL failure recorded",
                    payment.orderId(), payment.paymentKey());
            return;
        }
        Instant now = clock.instant();
        String detail = "기술적 오류로 주문을 생성하지 못했습니다 (%d회 시도): %s".formatted(attempts,
                TechnicalFailures.describe(cause));
        Order order = orders.save(Order.failed(payment.orderId(), payment.paymentKey(), payment.customerId(),
                payment.totalAmount(), payment.items(), FailureReason.TECHNICAL, detail, now));
        outbox.append(EventEnvelope.of(order.creationFailedEvent(), now));
        log.warn("Order {} failed for technical reasons after {} attempts; refund requested", order.orderId(),
                attempts);
        completion.completed(payment.approvedAt());
    }

    /**
     * Records a refund confirmed by Toss against the order, and, when it cancels an order that still holds its stock,
     * puts the order's pieces back on the shelf in the same transaction (once: the order remembers it). An unknown
     * order is logged and skipped.
     */
    @Transactional
    public void onPaymentCanceled(EventEnvelope<PaymentCanceled> event) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.debug("Duplicate delivery of {} {} ignored", event.eventType(), event.eventId());
            return;
        }
        PaymentCanceled cancel = event.payload();
        Optional<Order> found = orders.findById(cancel.orderId());
        if (found.isEmpty()) {
            // e.g. a payment canceled before any order existed; nothing of ours to update
            log.warn("PAYMENT_CANCELED {} for unknown order {} ignored", event.eventId(), cancel.orderId());
            return;
        }
        Order order = found.get();
        Map<String, Integer> restock = order.recordRefund(cancel.cancelAmount(), cancel.balanceAmount(),
                clock.instant());
        if (!restock.isEmpty()) {
            stock.giveBackAll(restock);
            log.info("Order {} canceled: stock given back {}", order.orderId(), restock);
        }
        if (cancel.balanceAmount() != order.refundableAmount()) {
            log.warn("Order {}: Toss balance {} differs from our refundable {}", order.orderId(),
                    cancel.balanceAmount(), order.refundableAmount());
        }
        log.info("Order {} refunded {} won ({}, cause {}); now {}", order.orderId(), cancel.cancelAmount(),
                cancel.cancelReason(), cancel.cause(), order.status());
    }

    /** Pieces per product; a product on several lines is taken once with the summed quantity. */
    private static Map<String, Integer> quantities(List<LineItem> items) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.merge(item.productId(), item.quantity(), Math::addExact));
        return quantities;
    }
}
