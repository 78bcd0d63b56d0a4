package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What is sent: bodies and headers of every event (docs/toss-api.md, section 8 (webhooks)). */
class WebhookIT extends WebhookIntegrationTest {

    static final String CREATED_AT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

    @Test
    void aConfirmedCardPaymentSendsDoneWithTossHeaders() throws Exception {
        Created payment = createPayment(15000);
        JsonNode confirmed = confirm(payment).json();

        WebhookReceiver.Received call = awaitReceived(payment.orderId(), 1).get(0);

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("Content-Type")).startsWith("application/json");
        assertThat(call.header("tosspayments-webhook-transmission-time")).matches(ConfirmIT.OFFSET_TIMESTAMP);
        assertThat(call.header("tosspayments-webhook-transmission-retried-count")).isEqualTo("0");
        assertThat(call.header("tosspayments-webhook-transmission-id")).matches("whtrans_[0-9a-z]{27}");
        JsonNode body = call.json();
        assertThat(body.get("eventType").asString()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(body.get("createdAt").asString()).matches(CREATED_AT);
        assertThat(body.get("data")).isEqualTo(confirmed);
        await().untilAsserted(() -> {
            JsonNode delivery = deliveries(payment.orderId()).get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(delivery.get("lastError").isNull()).isTrue();
            assertThat(delivery.get("transmissionId").asString())
                .isEqualTo(call.header("tosspayments-webhook-transmission-id"));
            assertThat(delivery.get("eventType").asString()).isEqualTo("PAYMENT_STATUS_CHANGED");
            assertThat(delivery.get("paymentKey").asString()).isEqualTo(payment.paymentKey());
            assertThat(JSON.readTree(delivery.get("body").asString())).isEqualTo(body);
        });
    }

    @Test
    void declinedConfirmSendsAborted() throws Exception {
        Created payment = createPayment(1000);
        assertThat(confirm(payment, "TossPayments-Test-Code", "REJECT_CARD_PAYMENT").status()).isEqualTo(403);

        JsonNode data = awaitReceived(payment.orderId(), 1).get(0).json().get("data");

        assertThat(data.get("status").asString()).isEqualTo("ABORTED");
        assertThat(data.get("failure").get("code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
    }

    @Test
    void aLapsedConfirmWindowSendsExpiredWithoutAnyRead() throws Exception {
        Created payment = createPayment(1000);

        clock.advance(Duration.ofMinutes(11));

        JsonNode data = awaitReceived(payment.orderId(), 1).get(0).json().get("data");
        assertThat(data.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(data.get("failure").get("code").asString()).isEqualTo("EXPIRED_PAYMENT");
    }

    @Test
    void cancelsSendPartialCanceledThenCanceled() throws Exception {
        Created payment = createPayment(10000);
        confirm(payment);
        cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":4000}");
        JsonNode full = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}").json();

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 3);

        assertThat(calls).extracting(WebhookReceiver.Received::status)
            .containsExactlyInAnyOrder("DONE", "PARTIAL_CANCELED", "CANCELED");
        JsonNode canceled = calls.stream().filter(c -> c.status().equals("CANCELED")).findFirst().orElseThrow().json();
        assertThat(canceled.get("data")).isEqualTo(full);
        assertThat(canceled.get("data").get("cancels")).hasSize(2);
    }

    @Test
    void aDashboardCancelSendsCanceled() throws Exception {
        Created payment = createPayment(5000);
        confirm(payment);

        Response missingReason = post("/sandbox/payments/" + payment.paymentKey() + "/dashboard-cancel", "{}");
        Response tooMuch = post("/sandbox/payments/" + payment.paymentKey() + "/dashboard-cancel",
                "{\"cancelReason\":\"x\",\"cancelAmount\":9000}");
        Response canceled = post("/sandbox/payments/" + payment.paymentKey() + "/dashboard-cancel",
                "{\"cancelReason\":\"고객 요청 (대시보드)\"}");

        assertThat(missingReason.code()).isEqualTo("INVALID_REQUEST");
        assertThat(tooMuch.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.json().get("status").asString()).isEqualTo("CANCELED");
        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 2);
        assertThat(calls).extracting(WebhookReceiver.Received::status).containsExactlyInAnyOrder("DONE", "CANCELED");
        assertThat(get("/v1/payments/" + payment.paymentKey(), withAuth()).json().get("cancels").get(0)
            .get("cancelReason").asString()).isEqualTo("고객 요청 (대시보드)");
    }

    @Test
    void aVirtualAccountSendsDepositCallbacksAndStatusChanges() throws Exception {
        Created payment = createPayment(20000, "가상계좌");
        JsonNode issued = issueVirtualAccount(payment);

        WebhookReceiver.Received issue = awaitReceived(payment.orderId(), 1).get(0);
        JsonNode flat = issue.json();
        assertThat(flat.propertyNames()).containsExactlyInAnyOrder("createdAt", "secret", "status", "transactionKey",
                "orderId");
        assertThat(flat.get("createdAt").asString()).matches(CREATED_AT);
        assertThat(flat.get("secret").asString()).isEqualTo(issued.get("secret").asString());
        assertThat(flat.get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(flat.get("transactionKey").asString()).isEqualTo(issued.get("lastTransactionKey").asString());
        assertThat(flat.get("orderId").asString()).isEqualTo(payment.orderId());
        assertThat(issue.header("tosspayments-webhook-transmission-id")).startsWith("whtrans_");

        JsonNode deposited = post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "").json();

        List<WebhookReceiver.Received> afterDeposit = awaitReceived(payment.orderId(), 3).subList(1, 3);
        assertThat(afterDeposit).extracting(WebhookReceiver.Received::eventType)
            .containsExactlyInAnyOrder("PAYMENT_STATUS_CHANGED", "DEPOSIT_CALLBACK");
        for (WebhookReceiver.Received call : afterDeposit) {
            assertThat(call.status()).isEqualTo("DONE");
            if (call.eventType().equals("DEPOSIT_CALLBACK")) {
                assertThat(call.json().get("transactionKey").asString())
                    .isEqualTo(deposited.get("lastTransactionKey").asString());
                assertThat(call.json().get("secret").asString()).isEqualTo(issued.get("secret").asString());
            }
            else {
                assertThat(call.json().get("data")).isEqualTo(deposited);
            }
        }

        cancel(payment.paymentKey(), "{\"cancelReason\":\"환불\",\"refundReceiveAccount\":" + REFUND_ACCOUNT + "}");

        List<WebhookReceiver.Received> afterCancel = awaitReceived(payment.orderId(), 5).subList(3, 5);
        assertThat(afterCancel).extracting(WebhookReceiver.Received::eventType)
            .containsExactlyInAnyOrder("PAYMENT_STATUS_CHANGED", "DEPOSIT_CALLBACK");
        assertThat(afterCancel).extracting(WebhookReceiver.Received::status).containsOnly("CANCELED");
        JsonNode canceled = afterCancel.stream().filter(c -> c.eventType().equals("PAYMENT_STATUS_CHANGED"))
            .findFirst().orElseThrow().json().get("data");
        assertThat(canceled.get("virtualAccount").get("refundStatus").asString()).isEqualTo("COMPLETED");
        assertThat(deliveries(payment.orderId())).hasSize(5);
        assertThat(get("/sandbox/webhooks/deliveries?orderId=" + payment.orderId() + "&eventType=DEPOSIT_CALLBACK")
            .json()).hasSize(3);
    }

    @Test
    void anExpiringAccountAndAnUnpaidCancelSendNoStatusChangeForTheExpiry() throws Exception {
        Created payment = createPayment(20000, "가상계좌");
        issueVirtualAccount(payment);
        awaitReceived(payment.orderId(), 1);

        clock.advance(Duration.ofHours(169));

        assertThat(stored(payment.paymentKey()).get("virtualAccount").get("expired").asBoolean()).isTrue();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
            .until(() -> receiver.receivedFor(payment.orderId()).size() == 1);

        cancel(payment.paymentKey(), "{\"cancelReason\":\"미입금\"}");
        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 3);
        assertThat(calls.subList(1, 3)).extracting(WebhookReceiver.Received::status).containsOnly("CANCELED");
    }

    @Test
    void eachKindCanBeSwitchedOff() throws Exception {
        configure("{\"sendPaymentStatusChanged\":false}");
        Created payment = createPayment(20000, "가상계좌");
        issueVirtualAccount(payment);
        post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "");

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 2);
        assertThat(calls).extracting(WebhookReceiver.Received::eventType).containsOnly("DEPOSIT_CALLBACK");

        configure("{\"sendPaymentStatusChanged\":true,\"sendDepositCallback\":false}");
        cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"refundReceiveAccount\":" + REFUND_ACCOUNT + "}");
        assertThat(awaitReceived(payment.orderId(), 3).get(2).eventType()).isEqualTo("PAYMENT_STATUS_CHANGED");
        JsonNode config = get("/sandbox/webhooks/config").json();
        assertThat(config.get("url").asString()).isEqualTo(receiver.url());
        assertThat(config.get("sendDepositCallback").asBoolean()).isFalse();
    }

    @Test
    void badConfigurationIsRefused() throws Exception {
        Response badUrl = put("/sandbox/webhooks/config", "{\"url\":\"ftp://example.com/x\"}");
        Response badFactor = put("/sandbox/webhooks/config", "{\"timeFactor\":0}");

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.code()).isEqualTo("INVALID_REQUEST");
        assertThat(badFactor.code()).isEqualTo("INVALID_REQUEST");
        assertThat(get("/sandbox/webhooks/config").json().get("url").asString()).isEqualTo(receiver.url());
    }

}
