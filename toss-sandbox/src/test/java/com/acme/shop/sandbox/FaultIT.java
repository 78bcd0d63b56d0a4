package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultIT extends SandboxIntegrationTest {

    @Test
    void delaysMatchingCalls() throws Exception {
        Created payment = createPayment(1000);
        addFault("{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"latencyMs\":400}".formatted(payment.orderId()));

        long started = System.nanoTime();
        Response response = confirm(payment);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void answersAnErrorCodeForTheGivenNumberOfCalls() throws Exception {
        Created payment = createPayment(1000);
        String id = addFault("{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"errorCode\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\",\"times\":2}"
            .formatted(payment.orderId()));
        assertThat(get("/sandbox/faults").json().findValuesAsString("id")).contains(id);

        Response first = confirm(payment);
        Response second = confirm(payment);
        Response third = confirm(payment);

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(get("/sandbox/faults").json().findValuesAsString("id")).doesNotContain(id);
        JsonNode calls = get("/sandbox/calls?orderId=" + payment.orderId()).json();
        assertThat(calls.get(0).get("fault").asString()).isEqualTo("ERROR_CODE:FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(calls.get(2).get("fault").isNull()).isTrue();
    }

    @Test
    void appliesOnlyToTheGivenOrderAndEndpoint() throws Exception {
        Created targeted = createPayment(1000);
        Created other = createPayment(1000);
        addFault("{\"endpoint\":\"CANCEL\",\"orderId\":\"%s\",\"errorCode\":\"FAILED_REFUND_PROCESS\"}"
            .formatted(targeted.orderId()));

        assertThat(confirm(targeted).status()).isEqualTo(200);
        assertThat(confirm(other).status()).isEqualTo(200);
        assertThat(cancel(other.paymentKey(), "{\"cancelReason\":\"x\"}").status()).isEqualTo(200);
        assertThat(cancel(targeted.paymentKey(), "{\"cancelReason\":\"x\"}").code()).isEqualTo("FAILED_REFUND_PROCESS");
    }

    @Test
    void declinesLikeTheTestCodeHeader() throws Exception {
        Created payment = createPayment(1000);
        addFault("{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"errorCode\":\"REJECT_CARD_PAYMENT\",\"times\":1}"
            .formatted(payment.orderId()));

        assertThat(confirm(payment).status()).isEqualTo(403);

        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("ABORTED");
    }

    @Test
    void approvesButNeverAnswers() throws Exception {
        Created payment = createPayment(1000);
        String key = "drop:" + UUID.randomUUID();
        addFault("{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"mode\":\"APPROVE_THEN_DROP\",\"dropHoldMs\":3000,\"times\":1}"
            .formatted(payment.orderId()));

        HttpRequest.Builder impatient = request("/v1/payments/confirm", withAuth("Idempotency-Key", key))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(confirmBody(payment)))
            .timeout(Duration.ofMillis(500));
        assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> send(impatient));

        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("DONE"));
        // The retry with the same key gets the answer "Toss" stored before the connection dropped.
        Response retry = confirm(payment, "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asString()).isEqualTo("DONE");
        // The dropped call is logged when its connection closes, after the hold.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode calls = get("/sandbox/calls?orderId=" + payment.orderId()).json();
            assertThat(calls).anySatisfy(dropped -> {
                assertThat(dropped.get("fault").asString()).isEqualTo("APPROVE_THEN_DROP");
                assertThat(dropped.get("status").asInt()).isEqualTo(200);
            });
        });
    }

    @Test
    void resetsTheConnectionWithoutProcessing() throws Exception {
        Created payment = createPayment(1000);
        String id = addFault("{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"mode\":\"CONNECTION_RESET\"}"
            .formatted(payment.orderId()));

        long started = System.nanoTime();
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> confirm(payment))
            .isNotInstanceOf(HttpTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(send(request("/sandbox/faults/" + id).DELETE()).status()).isEqualTo(204);
        assertThat(confirm(payment).status()).isEqualTo(200);
    }

    @Test
    void rejectsInvalidFaults() throws Exception {
        assertThat(post("/sandbox/faults", "{\"endpoint\":\"REFUND\"}").code()).isEqualTo("INVALID_REQUEST");
        assertThat(post("/sandbox/faults", "{\"endpoint\":\"CONFIRM\",\"errorCode\":\"NOPE\"}").status())
            .isEqualTo(400);
        assertThat(post("/sandbox/faults",
                "{\"endpoint\":\"CONFIRM\",\"errorCode\":\"COMMON_ERROR\",\"mode\":\"CONNECTION_RESET\"}").status())
            .isEqualTo(400);
        assertThat(send(request("/sandbox/faults/fault-unknown").DELETE()).status()).isEqualTo(404);
    }

    @Test
    void addsDefaultLatencyToEveryCall() throws Exception {
        Response settings = put("/sandbox/settings", "{\"defaultLatencyMs\":300}");
        assertThat(settings.json().get("defaultLatencyMs").asLong()).isEqualTo(300);
        assertThat(get("/sandbox/settings").json().get("replayStoredErrors").asBoolean()).isTrue();

        long started = System.nanoTime();
        get("/v1/payments/anything", withAuth());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private String addFault(String json) throws Exception {
        Response created = post("/sandbox/faults", json);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

}
