package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds an operator asks for through admin-service: full or partial, idempotent per request id, never more than the
 * balance however many operators click at once, and worked on like every refund (a Toss cancel under its own key,
 * PAYMENT_CANCELED with cause MANUAL).
 */
class ManualRefundIT extends AbstractPaymentIT {

    static final Map<String, String> OPERATOR = operator("kim.operator");

    static Map<String, String> operator(String name) {
        Map<String, String> headers = new HashMap<>(Http.AS_SERVICE);
        headers.put("X-Operator", name);
        return headers;
    }

    record Paid(String orderId, String paymentKey) {
    }

    Paid paid() {
        JsonNode checkout = checkout("TSHIRT", 2); // 30,000 won
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        assertThat(confirm(paymentKey, orderId, 30_000).status()).isEqualTo(200);
        return new Paid(orderId, paymentKey);
    }

    Http.Response refund(String orderId, String requestId, long amount, String reason) {
        return Http.post(url("/api/v1/payments/" + orderId + "/refunds"),
                Map.of("requestId", requestId, "amount", amount, "reason", reason), OPERATOR);
    }

    JsonNode details(String orderId) {
        return Http.get(url("/api/v1/payments/" + orderId + "/details"), Http.AS_SERVICE).body();
    }

    JsonNode awaitBalance(String orderId, long balance) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                details(orderId).get("payment").get("balanceAmount").asLong() == balance);
        return details(orderId);
    }

    @Test
    void aPartialRefundIsCanceledAtTossAndPublishedWithCauseManual() {
        Paid paid = paid();
        String requestId = UUID.randomUUID().toString();

        Http.Response r = refund(paid.orderId(), requestId, 12_000, "고객 변심: 1개 반품");

        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(r.body().get("requestId").asString()).isEqualTo("man-" + requestId);
        assertThat(r.body().get("requestedBy").asString()).isEqualTo("kim.operator");
        JsonNode after = awaitBalance(paid.orderId(), 18_000);
        assertThat(after.get("payment").get("status").asString()).isEqualTo("PARTIAL_CANCELED");
        assertThat(after.get("cancelableAmount").asLong()).isEqualTo(18_000);
        assertThat(after.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(after.get("pgRequests").findValuesAsString("idempotencyKey"))
                .contains("cancel-man-" + requestId + "-1");

        JsonNode atToss = sandboxPayment(paid.paymentKey());
        assertThat(atToss.get("balanceAmount").asLong()).isEqualTo(18_000);
        assertThat(atToss.get("cancels").get(0).get("cancelAmount").asLong()).isEqualTo(12_000);
        assertThat(atToss.get("cancels").get(0).get("cancelReason").asString()).isEqualTo("고객 변심: 1개 반품");
        PaymentCanceled event = (PaymentCanceled) new EventCodec().decode(
                EVENTS.await(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED")).value()).payload();
        assertThat(event.cause()).isEqualTo(CancelCause.MANUAL);
        assertThat(event.cancelAmount()).isEqualTo(12_000);
        assertThat(event.balanceAmount()).isEqualTo(18_000);
    }

    @Test
    void theRestRefundedAfterwardsCancelsThePayment() {
        Paid paid = paid();
        assertThat(refund(paid.orderId(), UUID.randomUUID().toString(), 10_000, "부분 환불").status()).isEqualTo(202);
        awaitBalance(paid.orderId(), 20_000);

        assertThat(refund(paid.orderId(), UUID.randomUUID().toString(), 20_000, "잔액 환불").status()).isEqualTo(202);

        JsonNode after = awaitBalance(paid.orderId(), 0);
        assertThat(after.get("payment").get("status").asString()).isEqualTo("CANCELED");
        assertThat(after.get("cancelableAmount").asLong()).isZero();
        assertThat(sandboxPayment(paid.paymentKey()).get("status").asString()).isEqualTo("CANCELED");
        Http.Response more = refund(paid.orderId(), UUID.randomUUID().toString(), 1, "더");
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.body().get("code").asString()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
        assertThat(more.body().get("paymentStatus").asString()).isEqualTo("CANCELED");
    }

    @Test
    void theSameRequestSentTwiceRefundsOnce() {
        Paid paid = paid();
        String requestId = UUID.randomUUID().toString();

        Http.Response first = refund(paid.orderId(), requestId, 5_000, "중복 클릭");
        Http.Response second = refund(paid.orderId(), requestId, 5_000, "중복 클릭");

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("requestId").asString()).isEqualTo(first.body().get("requestId").asString());
        awaitBalance(paid.orderId(), 25_000);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(sandboxPayment(paid.paymentKey()).get("cancels")).hasSize(1));
        Http.Response reused = refund(paid.orderId(), requestId, 6_000, "다른 금액");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("code").asString()).isEqualTo("REQUEST_ID_REUSED");
    }

    @Test
    void twoOperatorsAtOnceCanNeverRefundMoreThanTheBalance() throws Exception {
        Paid paid = paid();
        // Toss answers slowly, so both requests are decided while neither refund is done
        sandboxFault(Map.of("endpoint", "CANCEL", "orderId", paid.orderId(), "latencyMs", 1500, "times", 2));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> clicks = new ArrayList<>();
        for (String who : List.of("kim.operator", "lee.operator")) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return Http.post(url("/api/v1/payments/" + paid.orderId() + "/refunds"), Map.of("requestId",
                        UUID.randomUUID().toString(), "amount", 20_000, "reason", "동시 환불"), operator(who));
            }));
        }
        start.countDown();
        List<Http.Response> answers = clicks.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(202, 409);
        Http.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.body().get("code").asString()).isEqualTo("REFUND_EXCEEDS_CANCELABLE");
        assertThat(refused.body().get("cancelableAmount").asLong()).isEqualTo(10_000);
        awaitBalance(paid.orderId(), 10_000);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sandboxPayment(paid.paymentKey()).get("balanceAmount").asLong()).isEqualTo(10_000));
    }

    @Test
    void refundsInFlightTogetherGoToTossOneAfterTheOtherAndEachIsRecordedOnce() {
        Paid paid = paid();
        sandboxFault(Map.of("endpoint", "CANCEL", "orderId", paid.orderId(), "latencyMs", 800, "times", 1));

        for (int i = 0; i < 3; i++) {
            assertThat(refund(paid.orderId(), UUID.randomUUID().toString(), 10_000, "분할 환불 " + i).status())
                    .isEqualTo(202);
        }

        JsonNode after = awaitBalance(paid.orderId(), 0);
        assertThat(after.get("refunds").findValuesAsString("status")).containsOnly("SUCCEEDED");
        assertThat(after.get("refunds").findValuesAsString("transactionKey")).doesNotHaveDuplicates().hasSize(3);
        JsonNode atToss = sandboxPayment(paid.paymentKey());
        assertThat(atToss.get("cancels")).hasSize(3);
        assertThat(atToss.get("status").asString()).isEqualTo("CANCELED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(paid.orderId(), "PAYMENT_CANCELED"))).hasSize(3));
    }

    @Test
    void aRefundLargerThanTheBalanceOrOfAnUnpaidCheckoutIsRefusedAndChangesNothing() {
        Paid paid = paid();

        Http.Response tooMuch = refund(paid.orderId(), UUID.randomUUID().toString(), 30_001, "초과");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body().get("code").asString()).isEqualTo("REFUND_EXCEEDS_CANCELABLE");
        assertThat(tooMuch.body().get("cancelableAmount").asLong()).isEqualTo(30_000);

        String unpaid = checkout("MUG", 1).get("orderId").asString();
        Http.Response notPaid = refund(unpaid, UUID.randomUUID().toString(), 1_000, "미결제");
        assertThat(notPaid.status()).isEqualTo(409);
        assertThat(notPaid.body().get("code").asString()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
        assertThat(notPaid.body().get("paymentStatus").asString()).isEqualTo("READY");

        Http.Response nobody = Http.post(url("/api/v1/payments/" + paid.orderId() + "/refunds"), Map.of("requestId",
                UUID.randomUUID().toString(), "amount", 1_000, "reason", "익명"), Http.AS_SERVICE);
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body().get("code").asString()).isEqualTo("OPERATOR_REQUIRED");

        Http.Response unknown = refund("no-such-order-1", UUID.randomUUID().toString(), 1_000, "없음");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_cancel WHERE order_id IN (?, ?)", Integer.class,
                paid.orderId(), unpaid)).isZero();
        assertThat(sandboxCalls(paid.paymentKey(), "/cancel")).isEmpty();
    }

    @Test
    void aParkedRefundRetriedByAnOperatorIsReadFirstAndNeverSentTwice() {
        Paid paid = paid();
        // the first attempt reaches Toss, which cancels, but the answer is lost; then the refund is parked
        sandboxFault(Map.of("endpoint", "CANCEL", "orderId", paid.orderId(), "mode", "APPROVE_THEN_DROP",
                "dropHoldMs", 300, "times", 1));
        sandboxFault(Map.of("endpoint", "QUERY", "orderId", paid.orderId(), "errorCode",
                "FAILED_INTERNAL_SYSTEM_PROCESSING"));
        String requestId = "man-" + UUID.randomUUID();
        assertThat(refund(paid.orderId(), requestId.substring(4), 7_000, "파손").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(jdbc.queryForObject(
                "SELECT status FROM payment_cancel WHERE request_id = ?", String.class, requestId)));
        Http.delete(SANDBOX_URL + "/sandbox/faults");
        assertThat(sandboxPayment(paid.paymentKey()).get("balanceAmount").asLong()).isEqualTo(23_000);

        Http.Response retried = Http.post(url("/api/v1/refunds/" + requestId + "/retry"), Map.of(), OPERATOR);

        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        JsonNode after = awaitBalance(paid.orderId(), 23_000);
        assertThat(after.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sandboxPayment(paid.paymentKey()).get("cancels")).hasSize(1);
        Http.Response again = Http.post(url("/api/v1/refunds/" + requestId + "/retry"), Map.of(), OPERATOR);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asString()).isEqualTo("REFUND_NOT_PARKED");
    }
}
