package com.acme.shop.payment.confirm;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Confirms whose answer is an error, or no answer at all, end right: one approval, never a lost one. */
class RecoveryIT extends AbstractPaymentIT {

    @AfterEach
    void restoreSandboxSettings() {
        Http.put(SANDBOX_URL + "/sandbox/settings", Map.of("replayStoredErrors", true), Map.of());
    }

    record Checkout(String orderId, String paymentKey, long amount) {
    }

    Checkout authenticated() {
        JsonNode checkout = checkout("TSHIRT", 1);
        return new Checkout(checkout.get("orderId").asString(), authenticateAtSandbox(checkout), 15_000);
    }

    @ParameterizedTest(name = "replayStoredErrors={0}")
    @ValueSource(booleans = {true, false})
    void aServerErrorThenSuccessApprovesExactlyOnce(boolean replayStoredErrors) {
        Http.put(SANDBOX_URL + "/sandbox/settings", Map.of("replayStoredErrors", replayStoredErrors), Map.of());
        Checkout c = authenticated();
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", c.orderId(),
                "errorCode", "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", "times", 1));

        Http.Response r = confirm(c.paymentKey(), c.orderId(), c.amount());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("DONE");
        List<JsonNode> confirms = sandboxCalls(c.orderId(), "/confirm");
        assertThat(confirms).extracting(call -> call.get("idempotencyKey").asString())
                .containsExactly("confirm-" + c.orderId() + "-1", "confirm-" + c.orderId() + "-2");
        assertThat(confirms.getFirst().get("status").asInt()).isEqualTo(500);
        assertThat(confirms.getLast().get("status").asInt()).isEqualTo(200);
        // between the two confirms we read the payment from Toss (it was still IN_PROGRESS)
        assertThat(Http.get(SANDBOX_URL + "/sandbox/calls?orderId=" + c.orderId() + "&path=/orders/").body()).isNotEmpty();
        assertApprovedOnce(c);
    }

    @Test
    void persistentServerErrorsBecomeUnknownAndRecoveryApprovesOnce() {
        Checkout c = authenticated();
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", c.orderId(),
                "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING", "times", 4));

        Http.Response r = confirm(c.paymentKey(), c.orderId(), c.amount());

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().get("status").asString()).isEqualTo("OUTCOME_UNKNOWN");
        awaitStatus(c.orderId(), "DONE");
        assertApprovedOnce(c);
        assertThat(sandboxCalls(c.orderId(), "/confirm")).extracting(call -> call.get("idempotencyKey").asString())
                .doesNotHaveDuplicates();
    }

    @Test
    void approvedAtTossButTheAnswerLostIsRecoveredToDone() {
        Checkout c = authenticated();
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", c.orderId(), "mode", "APPROVE_THEN_DROP",
                "dropHoldMs", 5000, "times", 1));

        Http.Response r = confirm(c.paymentKey(), c.orderId(), c.amount());

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().get("status").asString()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(sandboxPayment(c.paymentKey()).get("status").asString()).isEqualTo("DONE");
        awaitStatus(c.orderId(), "DONE");
        assertApprovedOnce(c);
        // recovery read Toss and never re-confirmed (the sandbox logs a dropped call when its hold ends)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sandboxCalls(c.orderId(), "/confirm")).hasSize(1));
    }

    @Test
    void aLostDatabaseWriteAfterTossApprovedIsRecovered() {
        // given: our claim was committed and Toss approved, but we crashed before recording the answer
        Checkout c = authenticated();
        Instant claimedAt = Instant.now().minusSeconds(60);
        jdbc.update("UPDATE payment SET status = 'IN_PROGRESS', payment_key = ?, confirm_started_at = ?, "
                + "next_recovery_at = ? WHERE order_id = ?", c.paymentKey(), Timestamp.from(claimedAt),
                Timestamp.from(claimedAt.plusSeconds(2)), c.orderId());
        jdbc.update("INSERT INTO payment_order_mapping (order_id, payment_key, created_at) VALUES (?, ?, ?)",
                c.orderId(), c.paymentKey(), Timestamp.from(claimedAt));
        Http.Response atToss = tossConfirmDirectly(c);
        assertThat(atToss.status()).isEqualTo(200);

        // then: recovery asks Toss and settles it, with one event
        awaitStatus(c.orderId(), "DONE");
        assertApprovedOnce(c);
    }

    @Test
    void unresolvableOutcomeIsParkedForManualReviewWithItsReason() {
        Checkout c = authenticated();
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", c.orderId(), "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING"));
        sandboxFault(Map.of("endpoint", "QUERY", "orderId", c.orderId(), "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING"));

        assertThat(confirm(c.paymentKey(), c.orderId(), c.amount()).status()).isEqualTo(202);

        JsonNode parked = awaitStatus(c.orderId(), "MANUAL_REVIEW");
        assertThat(jdbc.queryForObject("SELECT review_reason FROM payment WHERE order_id = ?", String.class, c.orderId()))
                .contains("budget of 4 attempts spent");
        assertThat(parked.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(parked.get("reviewReason").asString()).contains("budget of 4 attempts spent");
        assertThat(Http.get(url("/api/v1/payments?status=MANUAL_REVIEW"), Http.AS_SERVICE).body().findValuesAsString("orderId"))
                .contains(c.orderId());
        assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).isEmpty();
        assertThat(sandboxPayment(c.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLapsedCheckoutIsExpiredByTheConfirmItself() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        jdbc.update("UPDATE payment SET expires_at = ? WHERE order_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), orderId);

        Http.Response r = confirm(authenticateAtSandbox(checkout), orderId, 9_000);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("code").asString()).isEqualTo("CHECKOUT_EXPIRED");
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("EXPIRED");
    }

    private JsonNode awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()));
        return Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body();
    }

    private void assertApprovedOnce(Checkout c) {
        assertThat(sandboxPayment(c.paymentKey()).get("status").asString()).isEqualTo("DONE");
        EVENTS.await(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(c.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    private static Http.Response tossConfirmDirectly(Checkout c) {
        String auth = Base64.getEncoder().encodeToString("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R:".getBytes());
        return Http.post(SANDBOX_URL + "/v1/payments/confirm", Map.of("paymentKey", c.paymentKey(),
                "orderId", c.orderId(), "amount", c.amount()), Map.of("Authorization", "Basic " + auth));
    }
}
