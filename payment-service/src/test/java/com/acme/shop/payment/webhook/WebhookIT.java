package com.acme.shop.payment.webhook;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Toss webhooks: stored before the 200, deduplicated, verified against Toss, applied once and in order. */
class WebhookIT extends AbstractPaymentIT {

    record Checkout(String orderId, String paymentKey, long amount) {
    }

    Checkout authenticated() {
        JsonNode checkout = checkout("TSHIRT", 1);
        return new Checkout(checkout.get("orderId").asString(), authenticateAtSandbox(checkout), 15_000);
    }

    /** Our side claimed the payment and then lost track of the confirm (crash): IN_PROGRESS, recovery later. */
    void claimedButUnanswered(Checkout c) {
        Instant now = Instant.now();
        jdbc.update("UPDATE payment SET status = 'IN_PROGRESS', payment_key = ?, confirm_started_at = ?, "
                + "next_recovery_at = ? WHERE order_id = ?", c.paymentKey(), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofHours(1))), c.orderId());
    }

    Http.Response deliver(Object body, String transmissionId) {
        Map<String, String> headers = transmissionId == null ? Map.of() : Map.of(
                "tosspayments-webhook-transmission-id", transmissionId,
                "tosspayments-webhook-transmission-time", "2026-11-21T15:00:00+09:00",
                "tosspayments-webhook-transmission-retried-count", "0");
        return Http.post(url("/api/v1/webhooks/toss"), body, headers);
    }

    static Map<String, Object> statusChanged(JsonNode payment) {
        return Map.of("eventType", "PAYMENT_STATUS_CHANGED", "createdAt", "2026-11-21T15:00:00.000000",
                "data", payment);
    }

    JsonNode awaitPayment(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()));
        return Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body();
    }

    List<JsonNode> webhooksOf(String orderId) {
        List<JsonNode> rows = new ArrayList<>();
        Http.get(url("/api/v1/webhooks?orderId=" + orderId), Http.AS_SERVICE).body().forEach(rows::add);
        return rows;
    }

    void awaitProcessed(String orderId, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(webhooksOf(orderId))
                .hasSize(count).allSatisfy(w -> assertThat(w.get("state").asString()).isNotEqualTo("RECEIVED")));
    }

    @Test
    void doneForAPaymentInFlightMakesItDoneWithOneApproval() {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        JsonNode atToss = tossApi("/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(), "orderId", c.orderId(),
                "amount", c.amount()), Map.of()).body();

        assertThat(deliver(statusChanged(atToss), "whtrans_" + UUID.randomUUID()).status()).isEqualTo(200);

        awaitPayment(c.orderId(), "DONE");
        EVENTS.await(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"));
        awaitProcessed(c.orderId(), 1);
        assertThat(webhooksOf(c.orderId()).getFirst().get("state").asString()).isEqualTo("PROCESSED");
    }

    @Test
    void aWebhookRacingTheConfirmStillGivesExactlyOneApproval() throws Exception {
        Checkout c = authenticated();
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", c.orderId(), "mode", "APPROVE_THEN_DROP",
                "dropHoldMs", 2500, "times", 1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Http.Response> confirm = pool.submit(() -> confirm(c.paymentKey(), c.orderId(), c.amount()));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                "DONE".equals(sandboxPayment(c.paymentKey()).get("status").asString()));

        deliver(statusChanged(sandboxPayment(c.paymentKey())), "whtrans_" + UUID.randomUUID());

        assertThat(confirm.get().status()).isIn(200, 202);
        pool.shutdown();
        awaitPayment(c.orderId(), "DONE");
        EVENTS.await(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    @Test
    void theSameWebhookDeliveredFiveTimesConcurrentlyIsStoredAndAppliedOnce() throws Exception {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        JsonNode atToss = tossApi("/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(), "orderId", c.orderId(),
                "amount", c.amount()), Map.of()).body();
        String transmissionId = "whtrans_" + UUID.randomUUID();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(pool.submit((Callable<Http.Response>) () -> deliver(statusChanged(atToss), transmissionId)));
            answers.add(pool.submit((Callable<Http.Response>) () -> deliver(statusChanged(atToss), null)));
        }
        for (Future<Http.Response> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        pool.shutdown();

        awaitPayment(c.orderId(), "DONE");
        awaitProcessed(c.orderId(), 2); // one by transmission id, one by the derived key
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    @Test
    void canceledArrivingBeforeDoneEndsWithBothRecordedOnce() {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        JsonNode done = tossApi("/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(), "orderId", c.orderId(),
                "amount", c.amount()), Map.of()).body();
        JsonNode canceled = tossApi("/v1/payments/" + c.paymentKey() + "/cancel",
                Map.of("cancelReason", "고객 변심 (대시보드)"), Map.of()).body();

        deliver(statusChanged(canceled), "whtrans_" + UUID.randomUUID());
        awaitPayment(c.orderId(), "CANCELED");
        deliver(statusChanged(done), "whtrans_" + UUID.randomUUID());
        awaitProcessed(c.orderId(), 2);

        assertThat(Http.get(url("/api/v1/payments/" + c.orderId()), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("CANCELED");
        assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).hasSize(1);
        PaymentCanceled event = (PaymentCanceled) new EventCodec().decode(
                EVENTS.await(TopicRecorder.event(c.orderId(), "PAYMENT_CANCELED")).value()).payload();
        assertThat(event.cause()).isEqualTo(CancelCause.EXTERNAL);
        assertThat(event.balanceAmount()).isZero();
        assertThat(webhooksOf(c.orderId())).extracting(w -> w.get("outcome").asString())
                .anySatisfy(o -> assertThat(o).startsWith("no change"));
    }

    @Test
    void aPartialCancelMadeInTheTossDashboardIsRecordedAndPublishedOnce() {
        Checkout c = authenticated();
        assertThat(confirm(c.paymentKey(), c.orderId(), c.amount()).status()).isEqualTo(200);
        JsonNode partial = tossApi("/v1/payments/" + c.paymentKey() + "/cancel",
                Map.of("cancelReason", "부분 환불 (대시보드)", "cancelAmount", 5_000), Map.of()).body();

        deliver(statusChanged(partial), "whtrans_" + UUID.randomUUID());
        deliver(statusChanged(partial), "whtrans_" + UUID.randomUUID()); // Toss console "retry": a new transmission

        JsonNode ours = awaitPayment(c.orderId(), "PARTIAL_CANCELED");
        assertThat(ours.get("balanceAmount").asLong()).isEqualTo(10_000);
        awaitProcessed(c.orderId(), 2);
        PaymentCanceled event = (PaymentCanceled) new EventCodec().decode(
                EVENTS.await(TopicRecorder.event(c.orderId(), "PAYMENT_CANCELED")).value()).payload();
        assertThat(event.cancelAmount()).isEqualTo(5_000);
        assertThat(event.cause()).isEqualTo(CancelCause.EXTERNAL);
        assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_CANCELED"))).hasSize(1);
    }

    @Test
    void abortedAtTossFailsThePayment() {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        JsonNode declined = tossApi("/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(), "orderId",
                c.orderId(), "amount", c.amount()), Map.of("TossPayments-Test-Code", "REJECT_CARD_PAYMENT")).body();
        assertThat(sandboxPayment(c.paymentKey()).get("status").asString()).isEqualTo("ABORTED");

        deliver(statusChanged(sandboxPayment(c.paymentKey())), "whtrans_" + UUID.randomUUID());

        JsonNode ours = awaitPayment(c.orderId(), "ABORTED");
        assertThat(ours.get("failure").get("code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(declined.get("code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
    }

    @Test
    void aForgedDoneForAnUnpaidOrderChangesNothingBecauseTossSaysOtherwise() {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        Map<String, Object> forged = Map.of("eventType", "PAYMENT_STATUS_CHANGED", "createdAt", "2026-11-21T15:00:00.000000",
                "data", Map.of("paymentKey", c.paymentKey(), "orderId", c.orderId(), "status", "DONE",
                        "totalAmount", c.amount()));

        assertThat(deliver(forged, "whtrans_forged_" + UUID.randomUUID()).status()).isEqualTo(200);

        awaitProcessed(c.orderId(), 1);
        assertThat(webhooksOf(c.orderId()).getFirst().get("outcome").asString()).startsWith("no change");
        assertThat(Http.get(url("/api/v1/payments/" + c.orderId()), Http.AS_SERVICE).body().get("status").asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).isEmpty();
    }

    @Test
    void aDepositCallbackWithTheWrongSecretIsRefusedAndRecorded() {
        Checkout c = authenticated();
        assertThat(confirm(c.paymentKey(), c.orderId(), c.amount()).status()).isEqualTo(200);

        deliver(Map.of("createdAt", "2026-11-21T15:00:00.000000", "secret", "ps_forged_secret",
                "status", "DONE", "transactionKey", "forged", "orderId", c.orderId()), null);

        awaitProcessed(c.orderId(), 1);
        assertThat(webhooksOf(c.orderId()).getFirst().get("state").asString()).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE order_id = ? AND kind = ?",
                Integer.class, c.orderId(), "WEBHOOK_SECRET_MISMATCH")).isEqualTo(1);
        assertThat(Http.get(url("/api/v1/webhooks?state=REFUSED"), Http.AS_SERVICE).body().findValuesAsString("orderId"))
                .contains(c.orderId());
    }

    @Test
    void aWebhookStoredBeforeACrashIsProcessedAfterwards() {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        JsonNode atToss = tossApi("/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(), "orderId", c.orderId(),
                "amount", c.amount()), Map.of()).body();
        // stored, answered 200, and then the process died before working on it
        jdbc.update("""
                INSERT INTO webhook_log (dedup_key, event_type, order_id, payment_key, claimed_status, raw_body, state,
                    next_attempt_at, received_at) VALUES (?, 'PAYMENT_STATUS_CHANGED', ?, ?, 'DONE', ?, 'RECEIVED', ?, ?)""",
                "tx:whtrans_crash_" + c.orderId(), c.orderId(), c.paymentKey(),
                Http.JSON.writeValueAsString(statusChanged(atToss)), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));

        awaitPayment(c.orderId(), "DONE");
        awaitProcessed(c.orderId(), 1);
    }

    @Test
    void theEndpointAnswersQuicklyWhileProcessingIsSlow() throws Exception {
        Checkout c = authenticated();
        claimedButUnanswered(c);
        sandboxFault(Map.of("endpoint", "QUERY", "orderId", c.orderId(), "latencyMs", 3000, "times", 3));
        JsonNode body = sandboxPayment(c.paymentKey());

        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<Long>> timings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            timings.add(pool.submit(() -> {
                long started = System.nanoTime();
                assertThat(deliver(statusChanged(body), "whtrans_" + UUID.randomUUID()).status()).isEqualTo(200);
                return (System.nanoTime() - started) / 1_000_000;
            }));
        }
        for (Future<Long> millis : timings) {
            assertThat(millis.get()).isLessThan(1_000);
        }
        pool.shutdown();
    }

    @Test
    void otherEventTypesAreStoredAndAcknowledgedButBadBodiesAreRefused() {
        Checkout c = authenticated();
        Http.Response billing = deliver(Map.of("eventType", "BILLING_DELETED", "createdAt", "2026-11-21T15:00:00.000000",
                "data", Map.of("billingKey", "bk_1", "orderId", c.orderId())), "whtrans_" + UUID.randomUUID());
        assertThat(billing.status()).isEqualTo(200);
        awaitProcessed(c.orderId(), 1);
        assertThat(webhooksOf(c.orderId()).getFirst().get("state").asString()).isEqualTo("IGNORED");

        Http.Response garbage = Http.post(url("/api/v1/webhooks/toss"), "not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("code").asString()).isEqualTo("MALFORMED_WEBHOOK");
        assertThat(Http.get(url("/api/v1/webhooks"), Http.AS_SERVICE).body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aBodyOfNoTossShapeIsRefusedAndAnOrderIdThatCannotBeOursIsStoredAndIgnored() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_log", Integer.class);

        Http.Response nested = Http.post(url("/api/v1/webhooks/toss"), "{\"eventType\":{\"a\":1},\"data\":{}}");
        Http.Response wrongData = Http.post(url("/api/v1/webhooks/toss"), "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":[1]}");
        Http.Response numberStatus = Http.post(url("/api/v1/webhooks/toss"),
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"orderId\":\"order-12345\",\"status\":7}}");
        Http.Response hostileHeader = deliver(Map.of("eventType", "PAYMENT_STATUS_CHANGED", "data", Map.of()),
                "w".repeat(101));

        for (Http.Response refused : List.of(nested, wrongData, numberStatus, hostileHeader)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("code").asString()).isEqualTo("MALFORMED_WEBHOOK");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_log", Integer.class)).isEqualTo(before);

        Http.Response foreign = deliver(Map.of("eventType", "PAYMENT_STATUS_CHANGED", "data",
                Map.of("orderId", "주문-1234", "status", "DONE")), "whtrans_" + UUID.randomUUID());

        assertThat(foreign.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT state FROM webhook_log ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("IGNORED"));
    }
}
