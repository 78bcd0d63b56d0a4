package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventSchemas;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CompensationIT extends AbstractPaymentIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    final EventCodec codec = new EventCodec();

    record Paid(String orderId, String paymentKey, long amount) {
    }

    Paid paidOrder() {
        JsonNode checkout = checkout("TSHIRT", 1, "STICKER", 2);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        assertThat(confirm(paymentKey, orderId, 21_000).status()).isEqualTo(200);
        return new Paid(orderId, paymentKey, 21_000);
    }

    EventEnvelope<OrderCreationFailed> orderCreationFailed(Paid paid) {
        return EventEnvelope.of(new OrderCreationFailed(paid.orderId(), paid.paymentKey(), paid.amount(),
                FailureReason.OUT_OF_STOCK, "재고 부족: TSHIRT (요청 1, 재고 0)"), Instant.now());
    }

    void publish(EventEnvelope<?> event) throws Exception {
        kafka.send(Topics.ORDER_EVENTS, event.orderId(), codec.encode(event)).get();
    }

    @Test
    void orderCreationFailedRefundsTheWholeBalanceAtTossAndPublishesPaymentCanceled() throws Exception {
        Paid paid = paidOrder();

        publish(orderCreationFailed(paid));

        ConsumerRecord<String, String> record = EVENTS.await(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"));
        assertThat(EventSchemas.load().validate(EventType.PAYMENT_CANCELED, record.value())).isEmpty();
        PaymentCanceled canceled = (PaymentCanceled) codec.decode(record.value()).payload();
        assertThat(canceled.cancelAmount()).isEqualTo(21_000);
        assertThat(canceled.balanceAmount()).isZero();
        assertThat(canceled.cause()).isEqualTo(CancelCause.ORDER_CREATION_FAILED);
        assertThat(canceled.cancelReason()).isEqualTo("주문 생성 실패(재고 부족)로 인한 자동 환불");

        JsonNode atToss = sandboxPayment(paid.paymentKey());
        assertThat(atToss.get("status").asString()).isEqualTo("CANCELED");
        assertThat(atToss.get("balanceAmount").asLong()).isZero();
        assertThat(atToss.get("cancels")).hasSize(1);
        assertThat(canceled.transactionKey()).isEqualTo(atToss.get("cancels").get(0).get("transactionKey").asString());
        assertThat(sandboxCalls(paid.paymentKey(), "/cancel").getFirst().get("idempotencyKey").asString())
                .isEqualTo("cancel-comp-" + paid.orderId() + "-1");
        JsonNode ours = Http.get(url("/api/v1/payments/" + paid.orderId()), Http.AS_SERVICE).body();
        assertThat(ours.get("status").asString()).isEqualTo("CANCELED");
        assertThat(ours.get("balanceAmount").asLong()).isZero();
    }

    @Test
    void aRedeliveredFailureRefundsOnce() throws Exception {
        Paid paid = paidOrder();
        EventEnvelope<OrderCreationFailed> event = orderCreationFailed(paid);

        publish(event);
        publish(event);
        publish(orderCreationFailed(paid)); // a second event id for the same order: still one refund

        EVENTS.await(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(EVENTS.matching(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"))).hasSize(1);
            assertThat(sandboxPayment(paid.paymentKey()).get("cancels")).hasSize(1);
        });
    }

    @Test
    void tossRefusingTheRefundThreeTimesThenAcceptingGivesExactlyOneCancel() throws Exception {
        Paid paid = paidOrder();
        sandboxFault(Map.of("endpoint", "CANCEL", "orderId", paid.orderId(),
                "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING", "times", 3));

        publish(orderCreationFailed(paid));

        EVENTS.await(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"));
        JsonNode atToss = sandboxPayment(paid.paymentKey());
        assertThat(atToss.get("status").asString()).isEqualTo("CANCELED");
        assertThat(atToss.get("cancels")).hasSize(1);
        assertThat(sandboxCalls(paid.paymentKey(), "/cancel")).hasSize(4)
                .extracting(c -> c.get("idempotencyKey").asString()).doesNotHaveDuplicates();
        JsonNode refunds = Http.get(url("/api/v1/payments/" + paid.orderId() + "/refunds"), Http.AS_SERVICE).body();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refunds.get(0).get("attempts").asInt()).isEqualTo(4);
        assertThat(EVENTS.matching(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"))).hasSize(1);
    }

    @Test
    void aRefundTossKeepsRefusingIsParkedForManualReview() throws Exception {
        Paid paid = paidOrder();
        sandboxFault(Map.of("endpoint", "CANCEL", "orderId", paid.orderId(), "errorCode", "NOT_CANCELABLE_PAYMENT"));

        publish(orderCreationFailed(paid));

        // the refund row appears once the consumer has handled ORDER_CREATION_FAILED: until then there is none to read
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT status FROM payment_cancel WHERE order_id = ?", String.class, paid.orderId())).containsExactly("PARKED"));
        assertThat(jdbc.queryForObject("SELECT last_error FROM payment_cancel WHERE order_id = ?", String.class,
                paid.orderId())).contains("NOT_CANCELABLE_PAYMENT").contains("budget");
        assertThat(sandboxPayment(paid.paymentKey()).get("status").asString()).isEqualTo("DONE");
        assertThat(EVENTS.matching(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"))).isEmpty();
        JsonNode parked = Http.get(url("/api/v1/refunds?status=PARKED"), Http.AS_SERVICE).body();
        assertThat(parked.findValuesAsString("orderId")).contains(paid.orderId());
        assertThat(Http.get(url("/api/v1/refunds?status=NOPE"), Http.AS_SERVICE).body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }
}
