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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service's failure policy over real Kafka and the real database: a consumer crash between the DB commit
 * and the offset commit, technical failures within and beyond the retry budget, and the consumer being stopped
 * while approvals keep arriving.
 */
class OrderCreationFailuresIT extends AbstractIntegrationTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    @Autowired
    private TechnicalRetryProperties budget;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private ConsumerRecord<String, String> awaitOrderEvent(String orderId, EventType type) {
        ConsumerRecord<String, String> record = recorder().await(TopicRecorder.event(orderId, type.name()));
        assertThat(SCHEMAS.validate(type, record.value())).as("schema violations of %s", record.value()).isEmpty();
        return record;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private int outboxEvents(String orderId, EventType type) {
        return count("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type = ?", orderId, type.name());
    }

    private boolean deadLettered(String orderId) {
        return !recorder().matching(r -> orderId.equals(r.key())
                && r.topic().equals(Topics.deadLetterOf(Topics.PAYMENT_EVENTS))).isEmpty();
    }

    @Test
    void consumerDyingAfterItsCommitAndBeforeTheOffsetCommitCreatesNoDuplicate() {
        String product = newProduct("커밋 후 장애 상품", 8_000, 10);
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> event = approved(orderId, List.of(new LineItem(product, "커밋 후 장애 상품", 2, 8_000)));
        faults.crashOnceAfterCommit(orderId);

        publish(event);

        // first delivery: committed, then "crashed" (the offset was not committed); Kafka delivers it again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(faults.approvalsApplied(orderId)).isEqualTo(2));
        awaitOrderEvent(orderId, EventType.ORDER_CREATED);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(stockOf(product)).isEqualTo(8);
        assertThat(outboxEvents(orderId, EventType.ORDER_CREATED)).isEqualTo(1);
        assertThat(outboxEvents(orderId, EventType.ORDER_CREATION_FAILED)).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_event WHERE consumer = 'order-service' AND event_id = ?",
                event.eventId().toString())).isEqualTo(1);
        // a later event of the same order (same partition) is applied, so the redelivery is behind us
        publish(canceled(orderId, 16_000, 8_000, 8_000, CancelCause.MANUAL));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(orderStatus(orderId)).isEqualTo("PARTIALLY_REFUNDED"));
        assertThat(recorder().matching(TopicRecorder.event(orderId, "ORDER_CREATED"))).hasSize(1);
        assertThat(deadLettered(orderId)).isFalse();
    }

    @Test
    void technicalFailuresWithinTheBudgetAreRetriedAndTheOrderIsCreated() {
        String product = newProduct("일시 장애 상품", 5_000, 10);
        String orderId = newOrderId();
        int failures = budget.maxAttempts() - 1;
        faults.failStockTaking(product, failures, () -> new QueryTimeoutException("simulated lock wait timeout"));

        publish(approved(orderId, List.of(new LineItem(product, "일시 장애 상품", 3, 5_000))));

        awaitOrderEvent(orderId, EventType.ORDER_CREATED);
        assertThat(faults.stockAttempts(product)).isEqualTo(failures + 1);
        assertThat(orderStatus(orderId)).isEqualTo("CREATED");
        assertThat(stockOf(product)).isEqualTo(7);
        assertThat(outboxEvents(orderId, EventType.ORDER_CREATED)).isEqualTo(1);
        assertThat(deadLettered(orderId)).isFalse();
    }

    @Test
    void technicalFailuresBeyondTheBudgetFailTheOrderAsTechnicalAndAskForTheRefund() {
        String product = newProduct("지속 장애 상품", 7_000, 10);
        String orderId = newOrderId();
        faults.failStockTaking(product, 1_000, () -> new CannotAcquireLockException("simulated deadlock"));

        publish(approved(orderId, List.of(new LineItem(product, "지속 장애 상품", 2, 7_000))));
        // queued behind the approval on the same partition: applied only after the TECHNICAL failure, in order
        publish(canceled(orderId, 14_000, 14_000, 0, CancelCause.ORDER_CREATION_FAILED));

        JsonNode failed = JSON.readTree(awaitOrderEvent(orderId, EventType.ORDER_CREATION_FAILED).value()).get("payload");
        assertThat(failed.get("reasonCode").asString()).isEqualTo("TECHNICAL");
        assertThat(failed.get("amount").asLong()).isEqualTo(14_000);
        assertThat(failed.get("paymentKey").asString()).isEqualTo("pk_" + orderId);
        assertThat(failed.get("reason").asString()).contains("기술적 오류", budget.maxAttempts() + "회 시도",
                "CannotAcquireLockException");
        assertThat(faults.stockAttempts(product)).isEqualTo(budget.maxAttempts());
        assertThat(stockOf(product)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(orderStatus(orderId)).isEqualTo("CANCELED"));
        JsonNode order = order(orderId);
        assertThat(order.get("failureReason").asString()).isEqualTo("TECHNICAL");
        assertThat(order.get("refundedAmount").asLong()).isEqualTo(14_000);
        assertThat(outboxEvents(orderId, EventType.ORDER_CREATION_FAILED)).isEqualTo(1);
        assertThat(recorder().matching(TopicRecorder.event(orderId, "ORDER_CREATED"))).isEmpty();
        // never parked in the dead-letter topic: the refund is on its way instead
        assertThat(deadLettered(orderId)).isFalse();
    }

    @Test
    void approvalsPublishedWhileTheConsumerIsStoppedAllBecomeOrdersWhenItReturns() {
        String product = newProduct("중단 중 주문 상품", 1_000, 100);
        List<String> orderIds = IntStream.range(0, 12).mapToObj(i -> newOrderId()).toList();

        // a stand-in for "order-service is down for a minute": the listener containers are stopped (they leave
        // the consumer group) for a few seconds while payment-service keeps publishing approvals
        listeners.stop();
        try {
            assertThat(listeners.getListenerContainers()).allSatisfy(c -> assertThat(c.isRunning()).isFalse());
            orderIds.forEach(id -> publish(approved(id, List.of(new LineItem(product, "중단 중 주문 상품", 1, 1_000)))));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(orderCount(orderIds)).isZero());
            assertThat(stockOf(product)).isEqualTo(100);
        } finally {
            listeners.start();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(orderCount(orderIds)).isEqualTo(orderIds.size()));
        orderIds.forEach(id -> awaitOrderEvent(id, EventType.ORDER_CREATED));
        assertThat(stockOf(product)).isEqualTo(100 - orderIds.size());
        assertThat(orderIds).allSatisfy(id -> assertThat(orderStatus(id)).isEqualTo("CREATED"));
    }

    private int orderCount(List<String> orderIds) {
        String in = String.join(",", orderIds.stream().map(id -> "'" + id + "'").toList());
        return count("SELECT COUNT(*) FROM orders WHERE order_id IN (" + in + ")");
    }
}
