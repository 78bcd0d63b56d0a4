package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How it is sent: retries, timeout, failure, and the delivery faults, resend and raw send. */
class WebhookDeliveryIT extends WebhookIntegrationTest {

    private static final String ID = "tosspayments-webhook-transmission-id";

    private static final String RETRIED = "tosspayments-webhook-transmission-retried-count";

    @Test
    void retriesOnTheCompressedScheduleWithTheSameTransmissionId() throws Exception {
        receiver.answer(call -> call <= 2 ? WebhookReceiver.Answer.status(500) : WebhookReceiver.Answer.ok());
        Created payment = createPayment(1000);
        confirm(payment);

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 3);

        assertThat(calls).extracting(c -> c.header(RETRIED)).containsExactly("0", "1", "2");
        assertThat(calls).extracting(c -> c.header(ID)).containsOnly(calls.get(0).header(ID));
        assertThat(calls).extracting(WebhookReceiver.Received::body).containsOnly(calls.get(0).body());
        // 1 and 4 minutes times 0.0005: 30 ms and 120 ms
        assertThat(calls.get(1).atNanos() - calls.get(0).atNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(25).toNanos());
        assertThat(calls.get(2).atNanos() - calls.get(1).atNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(110).toNanos());
        await().untilAsserted(() -> {
            JsonNode delivery = deliveries(payment.orderId()).get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aReceiverSlowerThanTheTimeoutCountsAsAFailureAndTheApiDoesNotWait() throws Exception {
        configure("{\"timeoutMs\":300}");
        receiver.answer(call -> call == 1 ? new WebhookReceiver.Answer(200, 2000) : WebhookReceiver.Answer.ok());
        Created payment = createPayment(1000);

        long started = System.nanoTime();
        assertThat(confirm(payment).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 2);
        assertThat(calls).extracting(c -> c.header(RETRIED)).containsExactly("0", "1");
        await().untilAsserted(() -> {
            JsonNode delivery = deliveries(payment.orderId()).get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        });
    }

    @Test
    void failsAfterSevenResends() throws Exception {
        configure("{\"timeFactor\":0.000005}");
        receiver.answer(call -> WebhookReceiver.Answer.status(503));
        Created payment = createPayment(1000);
        confirm(payment);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode delivery = deliveries(payment.orderId()).get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(8);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
            assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 503");
        });
        assertThat(receiver.receivedFor(payment.orderId())).extracting(c -> c.header(RETRIED))
            .containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void duplicateSendsEachTransmissionSeveralTimesConcurrently() throws Exception {
        assertThat(post("/sandbox/webhooks/faults", "{\"duplicate\":4,\"times\":1}").status()).isEqualTo(200);
        Created payment = createPayment(1000);
        confirm(payment);

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 5);

        assertThat(calls).extracting(c -> c.header(ID)).containsOnly(calls.get(0).header(ID));
        assertThat(calls).extracting(c -> c.header(RETRIED)).containsOnly("0");
        assertThat(calls).extracting(WebhookReceiver.Received::body).containsOnly(calls.get(0).body());
        assertThat(get("/sandbox/webhooks/faults").status()).isEqualTo(204); // used up
        cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}");
        awaitReceived(payment.orderId(), 6);
    }

    @Test
    void delayHoldsTheFirstDelivery() throws Exception {
        post("/sandbox/webhooks/faults", "{\"delayMs\":700}");
        Created payment = createPayment(1000);

        long started = System.nanoTime();
        confirm(payment);
        long answered = System.nanoTime();

        WebhookReceiver.Received call = awaitReceived(payment.orderId(), 1).get(0);
        assertThat(Duration.ofNanos(answered - started)).isLessThan(Duration.ofMillis(500));
        assertThat(Duration.ofNanos(call.atNanos() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void reorderSendsTheNewerEventFirst() throws Exception {
        post("/sandbox/webhooks/faults", "{\"reorder\":true,\"delayMs\":10000}");
        Created payment = createPayment(1000);
        confirm(payment);
        await().during(Duration.ofMillis(300)).until(() -> receiver.receivedFor(payment.orderId()).isEmpty());

        cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}");

        List<WebhookReceiver.Received> calls = awaitReceived(payment.orderId(), 2);
        assertThat(calls).extracting(WebhookReceiver.Received::status).containsExactly("CANCELED", "DONE");
    }

    @Test
    void aHeldDeliveryGoesOutAfterDelayWhenNothingFollows() throws Exception {
        post("/sandbox/webhooks/faults", "{\"reorder\":true,\"delayMs\":400}");
        Created payment = createPayment(1000);
        long started = System.nanoTime();
        confirm(payment);

        WebhookReceiver.Received call = awaitReceived(payment.orderId(), 1).get(0);

        assertThat(call.status()).isEqualTo("DONE");
        assertThat(Duration.ofNanos(call.atNanos() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void resendDeliversTheStoredBodyAsANewTransmission() throws Exception {
        Created payment = createPayment(1000);
        confirm(payment);
        WebhookReceiver.Received first = awaitReceived(payment.orderId(), 1).get(0);
        String deliveryId = deliveries(payment.orderId()).get(0).get("id").asString();

        Response resent = post("/sandbox/webhooks/resend/" + deliveryId, "");

        assertThat(resent.status()).isEqualTo(201);
        WebhookReceiver.Received again = awaitReceived(payment.orderId(), 2).get(1);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header(ID)).isNotEqualTo(first.header(ID)).isEqualTo(resent.json().get("transmissionId").asString());
        assertThat(again.header(RETRIED)).isEqualTo("0");
        assertThat(post("/sandbox/webhooks/resend/delivery-0", "").status()).isEqualTo(404);
    }

    @Test
    void sendDeliversARawForgedBodyWithChosenHeaders() throws Exception {
        String orderId = newOrderId();
        Response sent = post("/sandbox/webhooks/send", """
                {"body":{"createdAt":"2026-01-01T00:00:00.000000","secret":"ps_forged","status":"DONE",
                         "transactionKey":"FORGED","orderId":"%s"},
                 "headers":{"tosspayments-webhook-transmission-id":"whtrans_forged",
                            "tosspayments-webhook-transmission-time":null,"X-Test":"yes"}}""".formatted(orderId));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("eventType").asString()).isEqualTo("DEPOSIT_CALLBACK");
        WebhookReceiver.Received call = awaitReceived(orderId, 1).get(0);
        assertThat(call.json().get("secret").asString()).isEqualTo("ps_forged");
        assertThat(call.header(ID)).isEqualTo("whtrans_forged");
        assertThat(call.header("tosspayments-webhook-transmission-time")).isNull();
        assertThat(call.header("X-Test")).isEqualTo("yes");
        assertThat(call.header(RETRIED)).isEqualTo("0");

        assertThat(post("/sandbox/webhooks/send", "{\"headers\":{}}").code()).isEqualTo("INVALID_REQUEST");
        configure("{\"url\":\"\"}");
        assertThat(post("/sandbox/webhooks/send", "{\"body\":{\"a\":1}}").status()).isEqualTo(400);
    }

    @Test
    void withoutAUrlNothingIsSent() throws Exception {
        configure("{\"url\":\"\"}");
        Created payment = createPayment(1000);
        confirm(payment);

        assertThat(deliveries(payment.orderId())).isEmpty();
        assertThat(receiver.receivedFor(payment.orderId())).isEmpty();
    }

}
