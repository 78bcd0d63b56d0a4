package com.acme.shop.order.saga;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds as payment-service publishes them (PAYMENT_CANCELED, cause MANUAL for an operator's refund, EXTERNAL for
 * one made at Toss's dashboard, ORDER_CREATION_FAILED for the compensation), over the real broker: a partial refund
 * keeps the stock, the refund that cancels an order still holding its stock gives every piece back, once, however
 * often the event arrives; an order that never took stock gives nothing back.
 */
class RefundsGiveStockBackIT extends AbstractIntegrationTest {

    private void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(orderStatus(orderId)).isEqualTo(status));
    }

    @Test
    void aPartialRefundKeepsTheStockAndTheRestGivesItAllBackOnce() {
        String shirt = newProduct("IT-A", "환불 티셔츠", 10_000, 10, true);
        String mug = newProduct("IT-B", "환불 머그컵", 5_000, 5, true);
        String orderId = newOrderId();
        publish(approved(orderId, List.of(new LineItem(shirt, "환불 티셔츠", 3, 10_000),
                new LineItem(mug, "환불 머그컵", 2, 5_000))));
        recorder().await(TopicRecorder.event(orderId, "ORDER_CREATED"));
        assertThat(stockOf(shirt)).isEqualTo(7);
        assertThat(stockOf(mug)).isEqualTo(3);

        // an operator refunds part of it: which items came back is not in the amount, so the stock stays
        publish(canceled(orderId, 40_000, 15_000, 25_000, CancelCause.MANUAL));
        awaitStatus(orderId, "PARTIALLY_REFUNDED");
        JsonNode partly = order(orderId);
        assertThat(partly.get("refundedAmount").asLong()).isEqualTo(15_000);
        assertThat(partly.get("stockReturnedAt").isNull()).isTrue();
        assertThat(stockOf(shirt)).isEqualTo(7);
        assertThat(stockOf(mug)).isEqualTo(3);

        // the rest cancels the order: every piece goes back
        EventEnvelope<PaymentCanceled> rest = canceled(orderId, 40_000, 25_000, 0, CancelCause.MANUAL);
        publish(rest);
        awaitStatus(orderId, "CANCELED");
        JsonNode canceled = order(orderId);
        assertThat(canceled.get("refundedAmount").asLong()).isEqualTo(40_000);
        assertThat(canceled.get("stockReturnedAt").asString()).endsWith("Z");
        assertThat(stockOf(shirt)).isEqualTo(10);
        assertThat(stockOf(mug)).isEqualTo(5);

        // redelivered twice (the inbox), then published again under a new event id: the order refuses a second
        // cancel, which ends in the dead-letter topic for a person, and gives nothing back twice
        publish(rest);
        publish(rest);
        EventEnvelope<PaymentCanceled> republished = EventEnvelope.of(rest.payload(), clock.instant());
        publish(republished);
        String dlt = Topics.deadLetterOf(Topics.PAYMENT_EVENTS);
        recorder().await(r -> r.topic().equals(dlt) && orderId.equals(r.key())
                && r.value().contains(republished.eventId().toString()));
        assertThat(stockOf(shirt)).isEqualTo(10);
        assertThat(stockOf(mug)).isEqualTo(5);
        assertThat(order(orderId).get("refundedAmount").asLong()).isEqualTo(40_000);
        assertThat(recorder().matching(r -> r.topic().equals(dlt) && orderId.equals(r.key()))).hasSize(1);
    }

    @Test
    void aFullRefundGivesEveryPieceBackEvenOfAProductOnSeveralLines() {
        String shirt = newProduct("전액 환불 티셔츠", 10_000, 8);
        String orderId = newOrderId();
        publish(approved(orderId, List.of(new LineItem(shirt, "전액 환불 티셔츠", 1, 10_000),
                new LineItem(shirt, "전액 환불 티셔츠 (선물 포장)", 2, 10_000))));
        recorder().await(TopicRecorder.event(orderId, "ORDER_CREATED"));
        assertThat(stockOf(shirt)).isEqualTo(5);

        // canceled at Toss's dashboard, learnt from a webhook
        publish(canceled(orderId, 30_000, 30_000, 0, CancelCause.EXTERNAL));

        awaitStatus(orderId, "CANCELED");
        assertThat(stockOf(shirt)).isEqualTo(8);
        assertThat(order(orderId).get("refundedAmount").asLong()).isEqualTo(30_000);
    }

    @Test
    void theCompensationOfAnOrderThatNeverTookStockGivesNothingBack() {
        String scarce = newProduct("품절 임박 상품", 20_000, 1);
        String orderId = newOrderId();
        publish(approved(orderId, List.of(new LineItem(scarce, "품절 임박 상품", 2, 20_000))));
        recorder().await(TopicRecorder.event(orderId, "ORDER_CREATION_FAILED"));

        EventEnvelope<PaymentCanceled> compensation = canceled(orderId, 40_000, 40_000, 0,
                CancelCause.ORDER_CREATION_FAILED);
        publish(compensation);
        publish(compensation);

        awaitStatus(orderId, "CANCELED");
        JsonNode order = order(orderId);
        assertThat(order.get("refundedAmount").asLong()).isEqualTo(40_000);
        assertThat(order.get("failureReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.get("stockReturnedAt").isNull()).isTrue();
        assertThat(stockOf(scarce)).isEqualTo(1);
    }
}
