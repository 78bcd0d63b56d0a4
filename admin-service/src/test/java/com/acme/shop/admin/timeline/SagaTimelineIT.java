package com.acme.shop.admin.timeline;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.SagaEvents;
import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.EventSchemas;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SagaTimelineIT extends AbstractIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T05:30:15Z");

    @Autowired
    EventCodec codec;

    @Autowired
    SagaSteps steps;

    private void publish(EventEnvelope<?> event) {
        publish(event.topic(), event.orderId(), codec.encode(event));
    }

    /** The contract's example message, moved to a fresh order and event id so tests do not share state. */
    private static String example(EventType type, String orderId) {
        ObjectNode message = (ObjectNode) JSON.readTree(EventSchemas.example(type));
        message.put("eventId", UUID.randomUUID().toString());
        message.put("orderId", orderId);
        ((ObjectNode) message.get("payload")).put("orderId", orderId);
        return JSON.writeValueAsString(message);
    }

    private JsonNode awaitStatus(String orderId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/admin/sagas/" + orderId).json(),
                        json -> json != null && status.equals(json.path("status").asString()));
    }

    @Test
    void approvalThenCreatedOrderIsACompletedSagaOfTwoSteps() {
        String orderId = SagaEvents.newOrderId();
        String approved = example(EventType.PAYMENT_APPROVED, orderId);

        publish(Topics.PAYMENT_EVENTS, orderId, approved);
        awaitStatus(orderId, "APPROVED");
        publish(Topics.ORDER_EVENTS, orderId, example(EventType.ORDER_CREATED, orderId));
        JsonNode saga = awaitStatus(orderId, "COMPLETED");

        assertThat(saga.path("orderId").asString()).isEqualTo(orderId);
        assertThat(saga.path("amount").asLong()).isEqualTo(39_000);
        JsonNode timeline = saga.path("steps");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).path("eventType").asString()).isEqualTo("PAYMENT_APPROVED");
        assertThat(timeline.get(0).path("service").asString()).isEqualTo("payment-service");
        assertThat(timeline.get(0).path("occurredAt").asString()).isEqualTo("2026-11-21T05:30:16.412Z");
        assertThat(timeline.get(0).path("summary").asString()).isEqualTo("결제 승인 39,000원 (카드)");
        assertThat(timeline.get(1).path("eventType").asString()).isEqualTo("ORDER_CREATED");
        assertThat(timeline.get(1).path("service").asString()).isEqualTo("order-service");
        assertThat(timeline.get(1).path("summary").asString()).isEqualTo("주문 생성 39,000원 (토스 티셔츠 (검정, M) 2개 외 1건)");
        // The raw event is kept as it came off the topic.
        assertThat(steps.findByOrderIdOrderByOccurredAtAscIdAsc(orderId).getFirst().payload()).isEqualTo(approved);
    }

    @Test
    void failedOrderIsCompensatingUntilTheFullRefundThenCompensated() {
        String orderId = SagaEvents.newOrderId();

        publish(SagaEvents.approved(orderId, T0));
        awaitStatus(orderId, "APPROVED");
        publish(SagaEvents.failed(orderId, T0.plusSeconds(1)));
        awaitStatus(orderId, "COMPENSATING");
        publish(SagaEvents.canceled(orderId, SagaEvents.TOTAL, 0, CancelCause.ORDER_CREATION_FAILED, T0.plusSeconds(2)));
        JsonNode saga = awaitStatus(orderId, "COMPENSATED");

        assertThat(saga.path("steps").valueStream().map(s -> s.path("eventType").asString()).toList())
                .containsExactly("PAYMENT_APPROVED", "ORDER_CREATION_FAILED", "PAYMENT_CANCELED");
        assertThat(saga.path("steps").get(1).path("summary").asString())
                .isEqualTo("주문 생성 실패: 재고 부족: TSHIRT-BLK-M (요청 2, 재고 1) (39,000원 환불 필요)");
        assertThat(saga.path("steps").get(2).path("summary").asString()).startsWith("환불 39,000원 (잔액 0원)");
        // a complete record of each step: which service, what, when, outcome and reason
        assertThat(saga.path("steps").valueStream().map(s -> s.path("service").asString() + " " + s.path("outcome").asString()
                + " " + s.path("reasonCode").asString("-")).toList()).containsExactly(
                "payment-service APPROVED -", "order-service FAILED OUT_OF_STOCK",
                "payment-service REFUNDED ORDER_CREATION_FAILED");
        JsonNode failure = saga.path("steps").get(1);
        assertThat(failure.path("reason").asString()).isEqualTo("재고 부족: TSHIRT-BLK-M (요청 2, 재고 1)");
        assertThat(failure.path("occurredAt").asString()).isEqualTo("2026-11-21T05:30:16Z");
        assertThat(failure.path("recordedAt").asString()).endsWith("Z");
        assertThat(failure.path("eventId").asString()).hasSize(36);
        assertThat(saga.path("steps").get(0).path("reason").isNull()).isTrue();
        assertThat(saga.path("steps").get(2).path("reason").asString()).isEqualTo("고객 요청 환불");
    }

    @Test
    void redeliveredEventAddsNoStep() {
        String orderId = SagaEvents.newOrderId();
        String approved = codec.encode(SagaEvents.approved(orderId, T0));

        publish(Topics.PAYMENT_EVENTS, orderId, approved);
        publish(Topics.PAYMENT_EVENTS, orderId, approved);
        // Same topic and key, so it is consumed after both copies of the approval.
        publish(SagaEvents.canceled(orderId, 9_000, 30_000, CancelCause.MANUAL, T0.plusSeconds(5)));
        JsonNode saga = awaitStatus(orderId, "PARTIALLY_REFUNDED");

        assertThat(saga.path("steps").valueStream().map(s -> s.path("eventType").asString()).toList())
                .containsExactly("PAYMENT_APPROVED", "PAYMENT_CANCELED");
        assertThat(steps.findByOrderIdOrderByOccurredAtAscIdAsc(orderId)).hasSize(2);
    }

    @Test
    void eventOfAnUnknownTypeIsSkipped() {
        String orderId = SagaEvents.newOrderId();
        String future = """
                {"eventId":"%s","eventType":"PAYMENT_PARTIALLY_CAPTURED","occurredAt":"2026-11-21T05:30:15Z",
                 "orderId":"%s","payload":{"orderId":"%s"}}""".formatted(UUID.randomUUID(), orderId, orderId);

        publish(Topics.PAYMENT_EVENTS, orderId, future);
        publish(SagaEvents.approved(orderId, T0));
        JsonNode saga = awaitStatus(orderId, "APPROVED");

        assertThat(saga.path("steps")).hasSize(1);
        assertThat(saga.path("steps").get(0).path("eventType").asString()).isEqualTo("PAYMENT_APPROVED");
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndRecordsNothing() {
        String orderId = SagaEvents.newOrderId();
        try (TopicRecorder deadLetters = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
                List.of(Topics.deadLetterOf(Topics.ORDER_EVENTS)))) {
            publish(Topics.ORDER_EVENTS, orderId, "{\"eventType\":\"ORDER_CREATED\",\"orderId\":\"" + orderId + "\"}");

            assertThat(deadLetters.await(r -> orderId.equals(r.key())).value()).contains(orderId);
        }
        publish(SagaEvents.created(orderId, T0));
        assertThat(awaitStatus(orderId, "COMPLETED").path("steps")).hasSize(1);
    }

    @Test
    void unknownOrderIsANotFoundProblem() {
        Answer answer = get("/api/v1/admin/sagas/" + SagaEvents.newOrderId());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("SAGA_NOT_FOUND");
    }

    @Test
    void malformedOrderIdIsABadRequest() {
        Answer answer = get("/api/v1/admin/sagas/bad!id");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void listsTheLatestSagasFilteredByStatus() {
        String pending = SagaEvents.newOrderId();
        String completed = SagaEvents.newOrderId();
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        publish(SagaEvents.approved(pending, later));
        publish(SagaEvents.approved(completed, later.plusSeconds(1)));
        publish(SagaEvents.created(completed, later.plusSeconds(2)));
        awaitStatus(pending, "APPROVED");
        awaitStatus(completed, "COMPLETED");

        JsonNode all = get("/api/v1/admin/sagas?limit=500").json().path("sagas");
        List<String> allIds = all.valueStream().map(s -> s.path("orderId").asString()).toList();
        assertThat(allIds).containsSubsequence(completed, pending);
        JsonNode first = all.valueStream().filter(s -> s.path("orderId").asString().equals(completed)).findFirst().orElseThrow();
        assertThat(first.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.path("amount").asLong()).isEqualTo(SagaEvents.TOTAL);
        assertThat(first.path("lastStepAt").asString()).isEqualTo("2030-01-01T00:00:02Z");
        assertThat(all.valueStream().map(s -> Instant.parse(s.path("lastStepAt").asString())).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));

        List<String> approvedOnly = get("/api/v1/admin/sagas?status=APPROVED").json().path("sagas").valueStream()
                .peek(s -> assertThat(s.path("status").asString()).isEqualTo("APPROVED"))
                .map(s -> s.path("orderId").asString()).toList();
        assertThat(approvedOnly).contains(pending).doesNotContain(completed);

        assertThat(get("/api/v1/admin/sagas?limit=1").json().path("sagas")).hasSize(1);
    }

    @Test
    void listRejectsAnUnknownStatusAndABadLimit() {
        Answer unknownStatus = get("/api/v1/admin/sagas?status=LOST");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");

        Answer zeroLimit = get("/api/v1/admin/sagas?limit=0");
        assertThat(zeroLimit.status()).isEqualTo(400);
        assertThat(zeroLimit.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }
}
