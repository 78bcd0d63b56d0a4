package com.acme.shop.payment.webhook;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Virtual accounts end to end at payment-service: confirm issues the account, the sandbox's deposit
 * sends Toss's webhooks to our endpoint, and the deposit (verified at Toss) starts the saga.
 */
class VirtualAccountIT extends AbstractPaymentIT {

    static final Map<String, String> REFUND_ACCOUNT = Map.of("bankCode", "88", "accountNumber", "11012345678",
            "holderName", "김토스");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void tossSendsWebhooksToUs() {
        Http.put(SANDBOX_URL + "/sandbox/webhooks/config", Map.of("url", url("/api/v1/webhooks/toss"),
                "timeFactor", 0.0005), Map.of());
    }

    @AfterEach
    void stopWebhooks() {
        Http.put(SANDBOX_URL + "/sandbox/webhooks/config", Map.of("url", ""), Map.of());
        Http.delete(SANDBOX_URL + "/sandbox/webhooks/deliveries");
    }

    record Issued(String orderId, String paymentKey, long amount) {
    }

    Issued issuedAccount(boolean withRefundAccount) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("customerId", "customer-va",
                "items", List.of(Map.of("productId", "TSHIRT", "quantity", 2))));
        if (withRefundAccount) {
            request.put("refundAccount", REFUND_ACCOUNT);
        }
        Http.Response checkout = Http.post(url("/api/v1/payments/checkout"), request);
        assertThat(checkout.status()).as(checkout.raw()).isEqualTo(201);
        String orderId = remember(checkout.body()).get("orderId").asString();
        String paymentKey = Http.post(SANDBOX_URL + "/sandbox/payments", Map.of("orderId", orderId, "amount", 30_000,
                "orderName", "가상계좌 테스트", "method", "가상계좌", "customerName", "김토스")).body()
                .get("paymentKey").asString();

        Http.Response confirm = confirm(paymentKey, orderId, 30_000);

        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body().get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        JsonNode account = confirm.body().get("virtualAccount");
        assertThat(account.get("accountNumber").asString()).matches("\\d{14}");
        assertThat(account.get("bankCode").asString()).isEqualTo("88");
        assertThat(account.get("dueAt").asString()).isNotBlank();
        return new Issued(orderId, paymentKey, 30_000);
    }

    JsonNode awaitPayment(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()));
        return Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body();
    }

    @Test
    void theDepositCallbackMakesThePaymentDoneAndStartsTheSagaOnce() {
        Issued va = issuedAccount(true);
        assertThat(EVENTS.matching(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"))).isEmpty();
        assertThat(confirm(va.paymentKey(), va.orderId(), va.amount()).body().get("status").asString())
                .isEqualTo("WAITING_FOR_DEPOSIT"); // a repeated confirm returns the stored answer

        assertThat(Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of()).status())
                .isEqualTo(200);

        awaitPayment(va.orderId(), "DONE");
        EVENTS.await(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode webhooks = Http.get(url("/api/v1/webhooks?orderId=" + va.orderId()), Http.AS_SERVICE).body();
            assertThat(webhooks.findValuesAsString("eventType")).contains("DEPOSIT_CALLBACK", "PAYMENT_STATUS_CHANGED");
            assertThat(webhooks.findValuesAsString("state")).doesNotContain("RECEIVED", "REFUSED");
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    @Test
    void aRefundOfADepositedAccountCarriesTheCustomersRefundAccount() throws Exception {
        Issued va = issuedAccount(true);
        Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of());
        awaitPayment(va.orderId(), "DONE");

        EventEnvelope<OrderCreationFailed> failed = EventEnvelope.of(new OrderCreationFailed(va.orderId(),
                va.paymentKey(), va.amount(), FailureReason.OUT_OF_STOCK, "재고 부족"), Instant.now());
        kafka.send(Topics.ORDER_EVENTS, va.orderId(), new EventCodec().encode(failed)).get();

        awaitPayment(va.orderId(), "CANCELED");
        JsonNode atToss = sandboxPayment(va.paymentKey());
        assertThat(atToss.get("status").asString()).isEqualTo("CANCELED");
        JsonNode refundTo = atToss.get("virtualAccount").get("refundReceiveAccount");
        assertThat(refundTo.get("accountNumber").asString()).isEqualTo("11012345678");
        assertThat(refundTo.get("holderName").asString()).isEqualTo("김토스");
    }

    @Test
    void aRefundWithoutARefundAccountIsParkedForAnOperator() throws Exception {
        Issued va = issuedAccount(false);
        Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of());
        awaitPayment(va.orderId(), "DONE");

        EventEnvelope<OrderCreationFailed> failed = EventEnvelope.of(new OrderCreationFailed(va.orderId(),
                va.paymentKey(), va.amount(), FailureReason.OUT_OF_STOCK, "재고 부족"), Instant.now());
        kafka.send(Topics.ORDER_EVENTS, va.orderId(), new EventCodec().encode(failed)).get();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode refunds = Http.get(url("/api/v1/payments/" + va.orderId() + "/refunds"), Http.AS_SERVICE).body();
            assertThat(refunds.get(0).get("status").asString()).isEqualTo("PARKED");
            assertThat(refunds.get(0).get("lastError").asString()).contains("refund account");
        });
        assertThat(sandboxCalls(va.paymentKey(), "/cancel")).isEmpty();

        // an operator asks the customer for an account and sends the refund back to work with it
        String requestId = Http.get(url("/api/v1/payments/" + va.orderId() + "/refunds"), Http.AS_SERVICE).body()
                .get(0).get("requestId").asString();
        Map<String, String> operator = new java.util.HashMap<>(Http.AS_SERVICE);
        operator.put("X-Operator", "kim.operator");
        Http.Response withoutAccount = Http.post(url("/api/v1/refunds/" + requestId + "/retry"), Map.of(), operator);
        assertThat(withoutAccount.status()).isEqualTo(400);
        assertThat(withoutAccount.body().get("code").asString()).isEqualTo("REFUND_ACCOUNT_REQUIRED");
        Http.Response retried = Http.post(url("/api/v1/refunds/" + requestId + "/retry"), Map.of("refundAccount",
                Map.of("bankCode", "20", "accountNumber", "1002123456789", "holderName", "박고객")), operator);
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);

        awaitPayment(va.orderId(), "CANCELED");
        JsonNode refundTo = sandboxPayment(va.paymentKey()).get("virtualAccount").get("refundReceiveAccount");
        assertThat(refundTo.get("accountNumber").asString()).isEqualTo("1002123456789");
        assertThat(refundTo.get("holderName").asString()).isEqualTo("박고객");
    }

    @Test
    void aManualRefundOfADepositedAccountWithoutOneAsksForTheCustomersAccount() {
        Issued va = issuedAccount(false);
        Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of());
        awaitPayment(va.orderId(), "DONE");
        assertThat(Http.get(url("/api/v1/payments/" + va.orderId() + "/details"), Http.AS_SERVICE).body()
                .get("refundAccountRequired").asBoolean()).isTrue();
        Map<String, String> operator = new java.util.HashMap<>(Http.AS_SERVICE);
        operator.put("X-Operator", "kim.operator");
        String requestId = java.util.UUID.randomUUID().toString();

        Http.Response refused = Http.post(url("/api/v1/payments/" + va.orderId() + "/refunds"),
                Map.of("requestId", requestId, "amount", 10_000, "reason", "부분 환불"), operator);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("REFUND_ACCOUNT_REQUIRED");

        Http.Response accepted = Http.post(url("/api/v1/payments/" + va.orderId() + "/refunds"),
                Map.of("requestId", requestId, "amount", 10_000, "reason", "부분 환불", "refundAccount",
                        Map.of("bankCode", "20", "accountNumber", "1002123456789", "holderName", "박고객")), operator);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        awaitPayment(va.orderId(), "PARTIAL_CANCELED");
        assertThat(sandboxPayment(va.paymentKey()).get("balanceAmount").asLong()).isEqualTo(20_000);
    }

    @Test
    void aDepositJustBeforeTheDueDateReportedLateStillEndsDoneWithOneApproval() {
        Issued va = issuedAccount(true);
        // Toss's webhooks are late: none reaches us before the due date
        Http.put(SANDBOX_URL + "/sandbox/webhooks/config", Map.of("url", ""), Map.of());
        assertThat(Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of()).status())
                .isEqualTo(200);
        // the account's due date is one second after the deposit
        jdbc.update("UPDATE payment SET va_due_at = ?, next_recovery_at = va_due_at WHERE order_id = ?",
                Timestamp.from(Instant.now().plusSeconds(1)), va.orderId());

        // at the due date the payment is not expired: Toss is asked first, and it holds the deposit
        JsonNode done = awaitPayment(va.orderId(), "DONE");
        assertThat(done.get("balanceAmount").asLong()).isEqualTo(30_000);
        EVENTS.await(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"));

        // the deposit callback arriving now changes nothing
        JsonNode atToss = sandboxPayment(va.paymentKey());
        Http.Response late = Http.post(url("/api/v1/webhooks/toss"), Map.of("createdAt", "2026-11-30T12:00:00.000000",
                "secret", atToss.get("secret").asString(), "status", "DONE", "orderId", va.orderId(),
                "transactionKey", atToss.get("lastTransactionKey").asString()));
        assertThat(late.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Http.get(url("/api/v1/webhooks?orderId=" + va.orderId()), Http.AS_SERVICE).body()
                        .findValuesAsString("state")).containsOnly("PROCESSED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    /** Regression (chaos run): every webhook of a deposit lost; found by asking Toss long before the due date. */
    @Test
    void aDepositWhoseWebhooksAreAllLostIsFoundBeforeTheDueDate() {
        Issued va = issuedAccount(true);
        Http.put(SANDBOX_URL + "/sandbox/webhooks/config", Map.of("url", ""), Map.of());
        JsonNode waiting = Http.get(url("/api/v1/payments/" + va.orderId()), Http.AS_SERVICE).body();
        Instant firstLook = jdbc.queryForObject("SELECT next_recovery_at FROM payment WHERE order_id = ?",
                Timestamp.class, va.orderId()).toInstant();
        // the first look is a minute after issue, long before the account's due date (days away)
        assertThat(firstLook).isBetween(Instant.now().plusSeconds(30), Instant.now().plusSeconds(70));
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(Http.post(SANDBOX_URL + "/sandbox/payments/" + va.paymentKey() + "/deposit", Map.of()).status())
                .isEqualTo(200);

        // the minute has passed
        jdbc.update("UPDATE payment SET next_recovery_at = ? WHERE order_id = ?", Timestamp.from(Instant.now()),
                va.orderId());

        JsonNode done = awaitPayment(va.orderId(), "DONE");
        assertThat(done.get("balanceAmount").asLong()).isEqualTo(30_000);
        EVENTS.await(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"))).hasSize(1));
    }

    @Test
    void anUnpaidAccountIsLookedAtAgainLaterAndNeitherExpiredNorParkedBeforeItsDueDate() {
        Issued va = issuedAccount(true);
        jdbc.update("UPDATE payment SET next_recovery_at = ?, recovery_attempts = 5 WHERE order_id = ?",
                Timestamp.from(Instant.now()), va.orderId());

        // looked at: Toss still waits, so no attempt is spent (the count starts over; while the look runs, its lease
        // counts a sixth and also moves next_recovery_at a minute on, so only the count tells the look has ended) ...
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT recovery_attempts FROM payment WHERE order_id = ?", Integer.class, va.orderId()) == 0);
        // ... and the next look is later: a minute at least
        assertThat(jdbc.queryForObject("SELECT next_recovery_at FROM payment WHERE order_id = ?", Timestamp.class,
                va.orderId()).toInstant()).isAfter(Instant.now().plusSeconds(30));
        assertThat(Http.get(url("/api/v1/payments/" + va.orderId()), Http.AS_SERVICE).body().get("status").asString())
                .isEqualTo("WAITING_FOR_DEPOSIT");
    }

    @Test
    void anUnpaidAccountPastItsDueDateEndsWithoutAnOrder() {
        Issued va = issuedAccount(true);
        jdbc.update("UPDATE payment SET va_due_at = ?, next_recovery_at = va_due_at WHERE order_id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), va.orderId());

        JsonNode expired = awaitPayment(va.orderId(), "EXPIRED");

        assertThat(expired.get("balanceAmount").asLong()).isEqualTo(30_000);
        assertThat(EVENTS.matching(TopicRecorder.event(va.orderId(), "PAYMENT_APPROVED"))).isEmpty();
    }

    @Test
    void aCheckoutWithABadRefundAccountIsRefused() {
        Http.Response r = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items",
                List.of(Map.of("productId", "TSHIRT", "quantity", 1)), "refundAccount",
                Map.of("bankCode", "88", "accountNumber", "110-123", "holderName", "김토스")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }
}
