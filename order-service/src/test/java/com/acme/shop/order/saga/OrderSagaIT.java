package com.acme.shop.order.saga;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventSchemas;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The saga seen from order-service: payment events in over Kafka, order events out through the outbox. */
class OrderSagaIT extends AbstractIntegrationTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    private ConsumerRecord<String, String> awaitOrderEvent(String orderId, EventType type) {
        ConsumerRecord<String, String> record = recorder().await(TopicRecorder.event(orderId, type.name()));
        assertThat(SCHEMAS.validate(type, record.value())).as("schema violations of %s", record.value()).isEmpty();
        return record;
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(orderStatus(orderId)).isEqualTo(status));
    }

    @Test
    void approvedPaymentCreatesTheOrderTakesStockAndAnnouncesIt() {
        String shirt = newProduct("IT-A", "토스 티셔츠 (검정, M)", 15_000, 5, true);
        String mug = newProduct("IT-B", "토스 머그컵", 9_000, 5, true);
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, List.of(
                new LineItem(shirt, "토스 티셔츠 (검정, M)", 2, 15_000),
                new LineItem(mug, "토스 머그컵", 1, 9_000)));

        publish(event);

        ConsumerRecord<String, String> record = awaitOrderEvent(orderId, EventType.ORDER_CREATED);
        assertThat(record.key()).isEqualTo(orderId);
        JsonNode payload = JSON.readTree(record.value()).get("payload");
        assertThat(payload.get("paymentKey").asString()).isEqualTo("pk_" + orderId);
        assertThat(payload.get("customerId").asString()).isEqualTo("customer-it");
        assertThat(payload.get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(payload.get("items")).hasSize(2);
        assertThat(payload.get("items").get(0).get("productId").asString()).isEqualTo(shirt);
        assertThat(stockOf(shirt)).isEqualTo(3);
        assertThat(stockOf(mug)).isEqualTo(4);

        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CREATED");
        assertThat(order.get("paymentKey").asString()).isEqualTo("pk_" + orderId);
        assertThat(order.get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(order.get("refundedAmount").asLong()).isZero();
        assertThat(order.get("failureReason").isNull()).isTrue();
        assertThat(order.get("items").get(0).get("lineAmount").asLong()).isEqualTo(30_000);
        assertThat(order.get("items").get(1).get("productName").asString()).isEqualTo("토스 머그컵");
        assertThat(order.get("createdAt").asString()).endsWith("Z");

        Response mine = asService("/api/v1/orders?customerId=customer-it");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().valueStream().map(o -> o.get("orderId").asString())).contains(orderId);
    }

    @Test
    void unknownOrderIsNotFoundAndCustomerIsRequired() {
        Response unknown = asService("/api/v1/orders/" + newOrderId());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("ORDER_NOT_FOUND");

        Response blank = asService("/api/v1/orders?customerId=");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        Response none = asService("/api/v1/orders?customerId=nobody-" + newOrderId().substring(0, 8));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().isArray()).isTrue();
        assertThat(none.body()).isEmpty();
    }

    @Test
    void redeliveredApprovalCreatesOneOrderAndTakesStockOnce() {
        String product = newProduct("재전송 상품", 10_000, 10);
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, List.of(new LineItem(product, "재전송 상품", 3, 10_000)));
        // the same approval republished under a new event id (producer retry): the order's unique keys catch it
        EventEnvelope<PaymentApproved> republished = EventEnvelope.of(event.payload(), clock.instant());

        publish(event);
        publish(event);
        publish(event);
        publish(republished);
        // same key, so same partition: once this later event is applied, all the copies before it were too
        publish(canceled(orderId, 30_000, 10_000, 20_000, CancelCause.MANUAL));

        awaitStatus(orderId, "PARTIALLY_REFUNDED");
        assertThat(stockOf(product)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE order_id = ?", Integer.class, orderId)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type = 'ORDER_CREATED'",
                Integer.class, orderId)).isEqualTo(1);
        awaitOrderEvent(orderId, EventType.ORDER_CREATED);
        assertThat(recorder().matching(TopicRecorder.event(orderId, "ORDER_CREATED"))).hasSize(1);
    }

    @Test
    void shortStockFailsTheOrderGivesBackWhatWasTakenAndAsksForTheRefund() {
        // "IT-A..." sorts before "IT-B...": the first line is taken, then the second one runs short
        String plenty = newProduct("IT-A", "넉넉한 상품", 12_000, 5, true);
        String scarce = newProduct("IT-B", "부족한 상품", 15_000, 1, true);
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, List.of(
                new LineItem(plenty, "넉넉한 상품", 1, 12_000),
                new LineItem(scarce, "부족한 상품", 2, 15_000)));

        publish(event);

        ConsumerRecord<String, String> record = awaitOrderEvent(orderId, EventType.ORDER_CREATION_FAILED);
        JsonNode payload = JSON.readTree(record.value()).get("payload");
        assertThat(payload.get("reasonCode").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(payload.get("amount").asLong()).isEqualTo(42_000);
        assertThat(payload.get("paymentKey").asString()).isEqualTo("pk_" + orderId);
        assertThat(payload.get("reason").asString()).isEqualTo("재고 부족: " + scarce + " (요청 2, 재고 1)");
        assertThat(stockOf(plenty)).isEqualTo(5);
        assertThat(stockOf(scarce)).isEqualTo(1);
        JsonNode failed = order(orderId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(failed.get("failureDetail").asString()).contains("재고 부족");
        assertThat(recorder().matching(TopicRecorder.event(orderId, "ORDER_CREATED"))).isEmpty();

        // payment-service's compensation comes back as a full cancel
        publish(canceled(orderId, 42_000, 42_000, 0, CancelCause.ORDER_CREATION_FAILED));

        awaitStatus(orderId, "CANCELED");
        JsonNode canceled = order(orderId);
        assertThat(canceled.get("refundedAmount").asLong()).isEqualTo(42_000);
        assertThat(canceled.get("failureReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(stockOf(plenty)).isEqualTo(5);
    }

    @Test
    void withdrawnOrUnknownProductFailsTheOrderAsNotSellable() {
        String withdrawn = newProduct("IT-", "판매 중지 상품", 5_000, 10, false);
        String withdrawnOrder = newOrderId();
        String unknownOrder = newOrderId();

        publish(approved(withdrawnOrder, List.of(new LineItem(withdrawn, "판매 중지 상품", 1, 5_000))));
        publish(approved(unknownOrder, List.of(new LineItem("IT-NO-SUCH-PRODUCT", "사라진 상품", 1, 5_000))));

        JsonNode first = JSON.readTree(awaitOrderEvent(withdrawnOrder, EventType.ORDER_CREATION_FAILED).value());
        assertThat(first.get("payload").get("reasonCode").asString()).isEqualTo("PRODUCT_NOT_SELLABLE");
        assertThat(first.get("payload").get("reason").asString()).contains(withdrawn);
        JsonNode second = JSON.readTree(awaitOrderEvent(unknownOrder, EventType.ORDER_CREATION_FAILED).value());
        assertThat(second.get("payload").get("reasonCode").asString()).isEqualTo("PRODUCT_NOT_SELLABLE");
        assertThat(stockOf(withdrawn)).isEqualTo(10);
        assertThat(orderStatus(unknownOrder)).isEqualTo("FAILED");
    }

    @Test
    void partialCancelsRefundStepByStepUntilCanceled() {
        String product = newProduct("부분 환불 상품", 10_000, 10);
        String orderId = newOrderId();
        publish(approved(orderId, List.of(new LineItem(product, "부분 환불 상품", 3, 10_000))));
        awaitOrderEvent(orderId, EventType.ORDER_CREATED);

        publish(canceled(orderId, 30_000, 10_000, 20_000, CancelCause.MANUAL));
        awaitStatus(orderId, "PARTIALLY_REFUNDED");
        assertThat(order(orderId).get("refundedAmount").asLong()).isEqualTo(10_000);

        publish(canceled(orderId, 30_000, 20_000, 0, CancelCause.MANUAL));
        awaitStatus(orderId, "CANCELED");
        JsonNode order = order(orderId);
        assertThat(order.get("refundedAmount").asLong()).isEqualTo(30_000);
        assertThat(order.get("failureReason").isNull()).isTrue();
    }

    @Test
    void cancelForAnOrderThatNeverExistedIsIgnored() {
        String orderId = newOrderId();
        String product = newProduct("뒤따르는 주문 상품", 1_000, 5);

        publish(canceled(orderId, 5_000, 5_000, 0, CancelCause.EXTERNAL));
        // a later event on the same key is processed, so the cancel before it was consumed, not stuck
        publish(approved(orderId, List.of(new LineItem(product, "뒤따르는 주문 상품", 1, 1_000))));

        awaitOrderEvent(orderId, EventType.ORDER_CREATED);
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(recorder().matching(r -> orderId.equals(r.key())
                && r.topic().equals(Topics.deadLetterOf(Topics.PAYMENT_EVENTS)))).isEmpty();
    }

    @Test
    void consumesTheContractExamplesOfApprovalAndCancel() {
        // the contract's own example messages, with fresh ids so the test can run against any database state
        String orderId = newOrderId();
        String paymentKey = "pk_" + orderId;
        String approval = withFreshIds(EventSchemas.example(EventType.PAYMENT_APPROVED), orderId, paymentKey);
        String cancel = withFreshIds(EventSchemas.example(EventType.PAYMENT_CANCELED), orderId, paymentKey);
        int shirts = stockOf("TSHIRT-BLK-M");
        int mugs = stockOf("MUG-WHT");

        publish(orderId, approval);

        JsonNode created = JSON.readTree(awaitOrderEvent(orderId, EventType.ORDER_CREATED).value()).get("payload");
        assertThat(created.get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(created.get("customerId").asString()).isEqualTo("customer-1001");
        assertThat(stockOf("TSHIRT-BLK-M")).isEqualTo(shirts - 2);
        assertThat(stockOf("MUG-WHT")).isEqualTo(mugs - 1);
        assertThat(order(orderId).get("items").get(0).get("productName").asString()).isEqualTo("토스 티셔츠 (검정, M)");

        publish(orderId, cancel);

        awaitStatus(orderId, "CANCELED");
        assertThat(order(orderId).get("refundedAmount").asLong()).isEqualTo(39_000);
    }

    private static String withFreshIds(String example, String orderId, String paymentKey) {
        return example.replace("Zx3kQ9_f2LpW8aT0vNcR1bYh", orderId)
                .replace("tviva20261121143015aB3dE", paymentKey)
                .replaceFirst("\"eventId\"\\s*:\\s*\"[0-9a-f-]{36}\"", "\"eventId\": \"" + UUID.randomUUID() + "\"");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = newOrderId();
        String invalidKey = newOrderId();
        String unknownTypeKey = newOrderId();
        String product = newProduct("독성 메시지 뒤 상품", 2_000, 5);

        publish(poisonKey, "this is not JSON {");
        publish(invalidKey, "{\"eventType\":\"PAYMENT_APPROVED\",\"orderId\":\"" + invalidKey + "\"}");
        // a newer producer's event type: skipped, neither dead-lettered nor blocking
        publish(unknownTypeKey, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"PAYMENT_REFUND_REQUESTED_V9\","
                + "\"occurredAt\":\"2026-11-21T05:30:16Z\",\"orderId\":\"" + unknownTypeKey + "\",\"payload\":{}}");
        publish(approved(poisonKey, List.of(new LineItem(product, "독성 메시지 뒤 상품", 1, 2_000))));
        publish(approved(unknownTypeKey, List.of(new LineItem(product, "독성 메시지 뒤 상품", 1, 2_000))));

        String dlt = Topics.deadLetterOf(Topics.PAYMENT_EVENTS);
        ConsumerRecord<String, String> dead = recorder().await(r -> r.topic().equals(dlt) && poisonKey.equals(r.key()));
        assertThat(dead.value()).isEqualTo("this is not JSON {");
        recorder().await(r -> r.topic().equals(dlt) && invalidKey.equals(r.key()));
        awaitOrderEvent(poisonKey, EventType.ORDER_CREATED);
        awaitOrderEvent(unknownTypeKey, EventType.ORDER_CREATED);
        assertThat(stockOf(product)).isEqualTo(3);
        assertThat(recorder().matching(r -> r.topic().equals(dlt) && unknownTypeKey.equals(r.key()))).isEmpty();
    }
}
