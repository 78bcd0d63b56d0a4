package com.acme.shop.admin.deadletter;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.admin.SagaEvents;
import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters end to end: a consumer gives up on a record, admin-service stores it, a signed-in operator replays it
 * from the console (session and CSRF token; who replays is the session's username). Reads use the service token.
 */
class DeadLettersIT extends AbstractIntegrationTest {

    private static final String PAYMENT_DLT = Topics.deadLetterOf(Topics.PAYMENT_EVENTS);
    private static final Instant T0 = Instant.parse("2026-11-21T05:30:15Z");

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    /** The one dead letter of this order, once admin-service stored it. */
    private JsonNode awaitDeadLetter(String orderId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/admin/dead-letters?key=" + orderId).json().path("deadLetters"),
                        list -> list.size() == 1).get(0);
    }

    private JsonNode awaitTimeline(String orderId, int steps) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/admin/sagas/" + orderId).json(),
                        json -> json != null && json.path("steps").size() == steps);
    }

    /** A record on payment.events.DLT exactly as the platform's DeadLetterPublishingRecoverer writes it. */
    private static ProducerRecord<String, String> asDeadLettered(EventEnvelope<?> event, String value, long originalOffset) {
        ProducerRecord<String, String> record = new ProducerRecord<>(PAYMENT_DLT, event.orderId(), value);
        record.headers()
                .add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add("eventType", event.eventType().name().getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.PAYMENT_EVENTS.getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(2).array())
                .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(originalOffset).array())
                .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "order-service".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                        "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
                        "org.springframework.dao.DataAccessResourceFailureException".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Listener failed; Communications link failure".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aPoisonRecordIsStoredWithItsCauseAndOriginAndListed() {
        String orderId = SagaEvents.newOrderId();

        // admin-service's own timeline consumer cannot read it: the platform dead-letters it at once
        publish(Topics.ORDER_EVENTS, orderId, "this is not JSON {" + orderId);

        JsonNode deadLetter = awaitDeadLetter(orderId);
        assertThat(deadLetter.path("topic").asString()).isEqualTo(Topics.deadLetterOf(Topics.ORDER_EVENTS));
        assertThat(deadLetter.path("key").asString()).isEqualTo(orderId);
        assertThat(deadLetter.path("value").asString()).isEqualTo("this is not JSON {" + orderId);
        assertThat(deadLetter.path("status").asString()).isEqualTo("NEW");
        assertThat(deadLetter.path("receivedAt").asString()).endsWith("Z");
        JsonNode origin = deadLetter.path("origin");
        assertThat(origin.path("topic").asString()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(origin.path("partition").asInt()).isBetween(0, 2);
        assertThat(origin.path("offset").isNumber()).isTrue();
        assertThat(origin.path("consumerGroup").asString()).isEqualTo("admin-service");
        assertThat(deadLetter.path("cause").path("exceptionClass").asString()).endsWith("InvalidEventException");
        assertThat(deadLetter.path("cause").path("message").asString()).isNotBlank();

        long id = deadLetter.path("id").asLong();
        assertThat(get("/api/v1/admin/dead-letters/" + id).json().path("key").asString()).isEqualTo(orderId);
        assertThat(ids(get("/api/v1/admin/dead-letters?status=NEW&topic=order.events").json())).contains(id);
        assertThat(ids(get("/api/v1/admin/dead-letters?topic=order.events.DLT").json())).contains(id);
        assertThat(ids(get("/api/v1/admin/dead-letters?topic=payment.events").json())).doesNotContain(id);
        assertThat(ids(get("/api/v1/admin/dead-letters?status=REPLAYED").json())).doesNotContain(id);
        // nothing of it reached the timeline
        assertThat(get("/api/v1/admin/sagas/" + orderId).status()).isEqualTo(404);
    }

    @Test
    void aReplayPublishesTheOriginalOnceAndItsEffectAppliesOnceHoweverOftenItIsRepublished() {
        String orderId = SagaEvents.newOrderId();
        EventEnvelope<PaymentApproved> approval = SagaEvents.approved(orderId, T0);
        String value = codec.encode(approval);
        // a valid approval some consumer gave up on during a database outage (now fixed)
        publish(asDeadLettered(approval, value, 4242));
        JsonNode deadLetter = awaitDeadLetter(orderId);
        long id = deadLetter.path("id").asLong();
        assertThat(deadLetter.path("eventId").asString()).isEqualTo(approval.eventId().toString());
        assertThat(deadLetter.path("eventType").asString()).isEqualTo("PAYMENT_APPROVED");
        assertThat(deadLetter.path("origin").path("partition").asInt()).isEqualTo(2);
        assertThat(deadLetter.path("origin").path("offset").asLong()).isEqualTo(4242);
        assertThat(deadLetter.path("origin").path("consumerGroup").asString()).isEqualTo("order-service");
        assertThat(deadLetter.path("cause").path("exceptionClass").asString())
                .isEqualTo("org.springframework.dao.DataAccessResourceFailureException");
        assertThat(get("/api/v1/admin/sagas/" + orderId).status()).isEqualTo(404);

        try (TopicRecorder paymentEvents = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
                List.of(Topics.PAYMENT_EVENTS))) {
            Answer replayed = operator().postFromConsole("/api/v1/admin/dead-letters/" + id + "/replay");

            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
            assertThat(replayed.json().path("status").asString()).isEqualTo("REPLAYED");
            assertThat(replayed.json().path("replayedBy").asString()).isEqualTo("it-operator");
            assertThat(replayed.json().path("replayedAt").asString()).endsWith("Z");
            ConsumerRecord<String, String> republished = paymentEvents.await(r -> orderId.equals(r.key()));
            assertThat(republished.value()).isEqualTo(value);
            assertThat(new String(republished.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                    .isEqualTo(approval.eventId().toString());
            assertThat(new String(republished.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
                    .isEqualTo("PAYMENT_APPROVED");

            // the effect of the replay: admin-service's timeline consumer applies the approval
            JsonNode saga = awaitTimeline(orderId, 1);
            assertThat(saga.path("status").asString()).isEqualTo("APPROVED");

            // replaying again, by someone else, is refused and publishes nothing
            Answer again = signedIn("it-operator-2", OperatorRole.OPERATOR)
                    .postFromConsole("/api/v1/admin/dead-letters/" + id + "/replay");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("code").asString()).isEqualTo("DEAD_LETTER_ALREADY_REPLAYED");
            assertThat(again.json().path("replayedBy").asString()).isEqualTo("it-operator");
            JsonNode stored = get("/api/v1/admin/dead-letters/" + id).json();
            assertThat(stored.path("replayedBy").asString()).isEqualTo("it-operator");

            // and even the same record published twice more by hand is applied once (the consumers' inbox)
            publish(Topics.PAYMENT_EVENTS, orderId, value);
            publish(Topics.PAYMENT_EVENTS, orderId, value);
            // same key, same partition: once this later event is applied, the copies before it were consumed
            publish(Topics.PAYMENT_EVENTS, orderId, codec.encode(
                    SagaEvents.canceled(orderId, SagaEvents.TOTAL, 0, CancelCause.MANUAL, T0.plusSeconds(60))));
            JsonNode after = awaitTimeline(orderId, 2);
            assertThat(after.path("status").asString()).isEqualTo("REFUNDED");
            assertThat(after.path("steps").valueStream().map(s -> s.path("eventType").asString()))
                    .containsExactly("PAYMENT_APPROVED", "PAYMENT_CANCELED");
            assertThat(paymentEvents.matching(r -> orderId.equals(r.key()))).hasSize(4);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", Integer.class,
                approval.eventId().toString())).isEqualTo(1);
    }

    @Test
    void aDeadLetterOfUnknownOriginIsNotReplayedAndStaysNew() {
        String orderId = SagaEvents.newOrderId();
        publish(PAYMENT_DLT, orderId, "{\"put\":\"here by hand\"}");
        long id = awaitDeadLetter(orderId).path("id").asLong();

        Answer replay = operator().postFromConsole("/api/v1/admin/dead-letters/" + id + "/replay");

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().path("code").asString()).isEqualTo("DEAD_LETTER_NOT_REPLAYABLE");
        assertThat(get("/api/v1/admin/dead-letters/" + id).json().path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void badRequestsAreProblemsWithStableCodesAndChangeNothing() {
        assertCode(get("/api/v1/admin/dead-letters?status=LOST"), 400, "VALIDATION_FAILED");
        assertCode(get("/api/v1/admin/dead-letters?limit=0"), 400, "VALIDATION_FAILED");
        assertCode(get("/api/v1/admin/dead-letters?limit=501"), 400, "VALIDATION_FAILED");
        assertCode(get("/api/v1/admin/dead-letters?topic=no%20such%20topic!"), 400, "VALIDATION_FAILED");
        assertCode(get("/api/v1/admin/dead-letters/abc"), 400, "VALIDATION_FAILED");
        assertCode(get("/api/v1/admin/dead-letters/999999999"), 404, "DEAD_LETTER_NOT_FOUND");
        Browser operator = operator();
        assertCode(operator.postFromConsole("/api/v1/admin/dead-letters/999999999/replay"), 404, "DEAD_LETTER_NOT_FOUND");
        assertCode(operator.postFromConsole("/api/v1/admin/dead-letters/abc/replay"), 400, "VALIDATION_FAILED");
        assertCode(operator.postFromConsole("/api/v1/admin/dead-letters/0/replay"), 400, "VALIDATION_FAILED");
    }

    @Test
    void onlyASignedInOperatorWithTheCsrfTokenReplaysAndTheBodyCannotNameSomeoneElse() {
        String orderId = SagaEvents.newOrderId();
        EventEnvelope<PaymentApproved> approval = SagaEvents.approved(orderId, T0);
        publish(asDeadLettered(approval, codec.encode(approval), 7));
        long id = awaitDeadLetter(orderId).path("id").asLong();
        String replay = "/api/v1/admin/dead-letters/" + id + "/replay";

        assertCode(signedIn("it-viewer", OperatorRole.VIEWER).postFromConsole(replay), 403, "ACCESS_DENIED");
        assertCode(signedIn("it-finance", OperatorRole.FINANCE).postFromConsole(replay), 403, "ACCESS_DENIED");
        Browser operator = operator();
        assertCode(operator.post(replay, Map.of()), 403, "ACCESS_DENIED"); // no CSRF token
        assertThat(get(replay.replace("/replay", "")).json().path("status").asString()).isEqualTo("NEW");

        // the old request body named the operator; it is ignored now: the session says who replays
        Answer replayed = operator.postJson(replay, Map.of("X-CSRF-TOKEN", operator.consoleToken()),
                "{\"operator\":\"someone-else\"}");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("replayedBy").asString()).isEqualTo("it-operator");
    }

    private static void assertCode(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo(code);
    }

    private static List<Long> ids(JsonNode list) {
        return list.path("deadLetters").valueStream().map(d -> d.path("id").asLong()).toList();
    }
}
