package com.acme.shop.order;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-21T05:30:16Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final List<LineItem> ITEMS = List.of(
            new LineItem("TSHIRT-BLK-M", "토스 티셔츠 (검정, M)", 2, 15_000),
            new LineItem("MUG-WHT", "토스 머그컵", 1, 9_000));

    private static Order created() {
        return Order.created("order-0001", "pk-0001", "customer-1", 39_000, ITEMS, T0);
    }

    private static Order failed() {
        return Order.failed("order-0002", "pk-0002", "customer-1", 39_000, ITEMS, FailureReason.OUT_OF_STOCK,
                "재고 부족: TSHIRT-BLK-M (요청 2, 재고 1)", T0);
    }

    @Test
    void createdOrderKeepsCheckoutLinesAndAnnouncesThem() {
        Order order = created();

        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.refundableAmount()).isEqualTo(39_000);
        assertThat(order.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2);
        OrderCreated event = order.createdEvent();
        assertThat(event.items()).isEqualTo(ITEMS);
        assertThat(event.totalAmount()).isEqualTo(39_000);
        assertThat(event.createdAt()).isEqualTo(T0);
        assertThatThrownBy(order::creationFailedEvent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failedOrderCarriesReasonIntoItsEvent() {
        Order order = failed();

        OrderCreationFailed event = order.creationFailedEvent();
        assertThat(event.amount()).isEqualTo(39_000);
        assertThat(event.reasonCode()).isEqualTo(FailureReason.OUT_OF_STOCK);
        assertThat(event.reason()).contains("재고 부족");
        assertThatThrownBy(order::createdEvent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fullRefundCancelsCreatedOrder() {
        Order order = created();

        order.recordRefund(39_000, 0, T1);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.refundedAmount()).isEqualTo(39_000);
        assertThat(order.updatedAt()).isEqualTo(T1);
        assertThat(order.createdAt()).isEqualTo(T0);
    }

    @Test
    void partialRefundsAccumulateUntilTheBalanceIsZero() {
        Order order = created();

        order.recordRefund(9_000, 30_000, T1);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(9_000);

        order.recordRefund(15_000, 15_000, T1);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(24_000);

        order.recordRefund(15_000, 0, T1);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.refundedAmount()).isEqualTo(39_000);
    }

    @Test
    void failedOrderBecomesCanceledWhenRefundedAndKeepsItsReason() {
        Order order = failed();

        order.recordRefund(39_000, 0, T1);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.failureReason()).isEqualTo(FailureReason.OUT_OF_STOCK);
        assertThat(order.failureDetail()).contains("TSHIRT-BLK-M");
    }

    @Test
    void failedOrderStaysFailedWhileItsRefundIsIncomplete() {
        Order order = failed();

        order.recordRefund(10_000, 29_000, T1);

        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(order.refundedAmount()).isEqualTo(10_000);
    }

    @Test
    void fullRefundOfACreatedOrderGivesEveryLineBackOnce() {
        Order order = created();

        Map<String, Integer> restock = order.recordRefund(39_000, 0, T1);

        assertThat(restock).containsExactly(entry("TSHIRT-BLK-M", 2), entry("MUG-WHT", 1));
        assertThat(order.stockReturnedAt()).isEqualTo(T1);
        assertThat(order.holdsStock()).isFalse();
        assertThatThrownBy(() -> order.recordRefund(1, 0, T1)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThat(order.stockReturnedAt()).isEqualTo(T1);
    }

    @Test
    void partialRefundsGiveNothingBackUntilTheRestCancelsTheOrder() {
        Order order = created();

        assertThat(order.recordRefund(9_000, 30_000, T0)).isEmpty();
        assertThat(order.recordRefund(15_000, 15_000, T0)).isEmpty();
        assertThat(order.stockReturnedAt()).isNull();
        assertThat(order.holdsStock()).isTrue();

        assertThat(order.recordRefund(15_000, 0, T1)).containsOnlyKeys("TSHIRT-BLK-M", "MUG-WHT");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.stockReturnedAt()).isEqualTo(T1);
    }

    @Test
    void aFailedOrderNeverTookStockAndGivesNothingBack() {
        Order order = failed();

        assertThat(order.holdsStock()).isFalse();
        assertThat(order.recordRefund(10_000, 29_000, T1)).isEmpty();
        assertThat(order.recordRefund(29_000, 0, T1)).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.stockReturnedAt()).isNull();
    }

    @Test
    void anOrderThatLeftTheShelfGivesNothingBackWhenCanceled() {
        Order preparing = created();
        preparing.startPreparing(T0);
        Order shipped = created();
        shipped.startPreparing(T0);
        shipped.ship(T0);

        assertThat(preparing.recordRefund(39_000, 0, T1)).isEmpty();
        assertThat(shipped.recordRefund(39_000, 0, T1)).isEmpty();
        assertThat(preparing.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(shipped.stockReturnedAt()).isNull();
    }

    @Test
    void aProductOnSeveralLinesComesBackAsOneSum() {
        Order order = Order.created("order-0004", "pk-0004", "customer-1", 48_000, List.of(
                new LineItem("TSHIRT-BLK-M", "토스 티셔츠 (검정, M)", 2, 15_000),
                new LineItem("MUG-WHT", "토스 머그컵", 1, 9_000),
                new LineItem("TSHIRT-BLK-M", "토스 티셔츠 (검정, M) 선물 포장", 1, 9_000)), T0);

        assertThat(order.recordRefund(48_000, 0, T1)).containsExactly(entry("TSHIRT-BLK-M", 3), entry("MUG-WHT", 1));
    }

    @Test
    void onlyAnOrderWhoseGoodsAreStillOnTheShelfHoldsStock() {
        assertThat(java.util.Arrays.stream(OrderStatus.values()).filter(OrderStatus::holdsStock))
                .containsExactlyInAnyOrder(OrderStatus.CREATED, OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void rejectsRefundOfCanceledOrder() {
        Order order = created();
        order.recordRefund(39_000, 0, T1);

        assertThatThrownBy(() -> order.recordRefund(1_000, 0, T1))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("CANCELED");
        assertThat(order.refundedAmount()).isEqualTo(39_000);
    }

    @Test
    void rejectsRefundAboveWhatWasPaid() {
        Order order = created();
        order.recordRefund(30_000, 9_000, T1);

        assertThatThrownBy(() -> order.recordRefund(10_000, 0, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThat(order.refundedAmount()).isEqualTo(30_000);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void rejectsNonPositiveRefund() {
        Order order = created();

        assertThatThrownBy(() -> order.recordRefund(0, 39_000, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.recordRefund(-5, 39_000, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void rejectsOrderWithoutLines() {
        assertThatThrownBy(() -> Order.created("order-0003", "pk-0003", "customer-1", 0, List.of(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fulfilmentMovesCreatedThroughPreparingToShipped() {
        Order order = created();

        order.startPreparing(T1);
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(order.updatedAt()).isEqualTo(T1);
        order.ship(T1);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);

        assertThatThrownBy(() -> order.startPreparing(T1)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> order.ship(T1)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("SHIPPED");
    }

    @Test
    void partialRefundKeepsTheFulfilmentStatusAndAFullOneCancels() {
        Order order = created();
        order.startPreparing(T1);

        order.recordRefund(9_000, 30_000, T1);
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(order.refundedAmount()).isEqualTo(9_000);

        order.ship(T1);
        order.recordRefund(30_000, 0, T1);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void failedOrCanceledOrdersAreNeverFulfilled() {
        Order failed = failed();
        assertThatThrownBy(() -> failed.startPreparing(T1)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("FAILED");
        Order canceled = created();
        canceled.recordRefund(39_000, 0, T1);
        assertThatThrownBy(() -> canceled.startPreparing(T1)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> created().ship(T1)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("CREATED");
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void transitionTableAllowsOnlyTheDocumentedMoves() {
        assertThat(allowedFrom(OrderStatus.CREATED)).containsExactlyInAnyOrder(OrderStatus.PREPARING, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.CANCELED);
        assertThat(allowedFrom(OrderStatus.PARTIALLY_REFUNDED)).containsExactlyInAnyOrder(OrderStatus.PREPARING, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.CANCELED);
        assertThat(allowedFrom(OrderStatus.PREPARING)).containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.CANCELED);
        assertThat(allowedFrom(OrderStatus.SHIPPED)).containsExactly(OrderStatus.CANCELED);
        assertThat(allowedFrom(OrderStatus.FAILED)).containsExactly(OrderStatus.CANCELED);
        assertThat(allowedFrom(OrderStatus.CANCELED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void nothingLeadsBackToCreatedOrFailed(OrderStatus from) {
        assertThat(from.canMoveTo(OrderStatus.CREATED)).isFalse();
        assertThat(from.canMoveTo(OrderStatus.FAILED)).isFalse();
    }

    private static List<OrderStatus> allowedFrom(OrderStatus from) {
        return java.util.Arrays.stream(OrderStatus.values()).filter(from::canMoveTo).toList();
    }
}
