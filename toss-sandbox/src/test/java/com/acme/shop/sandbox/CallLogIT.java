package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CallLogIT extends SandboxIntegrationTest {

    @Test
    void recordsEveryApiCallWithItsKeysAndOutcome() throws Exception {
        Created payment = createPayment(1000);
        String key = "log:" + UUID.randomUUID();
        confirm(payment, "Idempotency-Key", key);
        confirm(payment, "Idempotency-Key", key);
        cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":5000}");
        get("/v1/payments/orders/" + payment.orderId(), withAuth("TossPayments-Test-Code", "COMMON_ERROR"));

        JsonNode calls = get("/sandbox/calls?orderId=" + payment.orderId()).json();

        assertThat(calls).hasSize(4);
        JsonNode first = calls.get(0);
        assertThat(first.get("method").asString()).isEqualTo("POST");
        assertThat(first.get("path").asString()).isEqualTo("/v1/payments/confirm");
        assertThat(first.get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(first.get("paymentKey").asString()).isEqualTo(payment.paymentKey());
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(first.get("receivedAt").asString()).matches(ConfirmIT.OFFSET_TIMESTAMP);
        assertThat(calls.get(1).get("replayed").asBoolean()).isTrue();
        assertThat(calls.get(2).get("orderId").asString()).isEqualTo(payment.orderId());
        assertThat(calls.get(2).get("code").asString()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(calls.get(3).get("testCode").asString()).isEqualTo("COMMON_ERROR");
        assertThat(calls.get(3).get("paymentKey").asString()).isEqualTo(payment.paymentKey());
        assertThat(calls.get(3).get("status").asInt()).isEqualTo(500);

        assertThat(get("/sandbox/calls?paymentKey=" + payment.paymentKey() + "&path=/cancel").json()).hasSize(1);
    }

    @Test
    void clearsTheLog() throws Exception {
        get("/v1/payments/anything", withAuth());

        assertThat(send(request("/sandbox/calls").DELETE()).status()).isEqualTo(204);

        assertThat(get("/sandbox/calls").json()).isEmpty();
    }

}
