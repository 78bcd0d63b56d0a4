package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdempotencyIT extends SandboxIntegrationTest {

    @Test
    void replaysTheFirstAnswerAndProcessesOnce() throws Exception {
        Created payment = createPayment(1000);
        String key = "confirm:" + UUID.randomUUID();

        Response first = confirm(payment, "Idempotency-Key", key);
        Response second = confirm(payment, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(processedCalls(payment.orderId())).isEqualTo(1);
    }

    @Test
    void replaysRegardlessOfTheBody() throws Exception {
        Created first = createPayment(1000);
        Created other = createPayment(2000);
        String key = "reused:" + UUID.randomUUID();
        Response answer = confirm(first, "Idempotency-Key", key);

        // Same key, different payment: Toss replays the first payment's answer (the body is not part of the match).
        Response replay = confirm(other, "Idempotency-Key", key);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(answer.body());
        assertThat(stored(other.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void keepsKeysSeparatePerPath() throws Exception {
        Created payment = createPayment(1000);
        String key = "shared:" + UUID.randomUUID();
        confirm(payment, "Idempotency-Key", key);

        Response cancel = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}", "Idempotency-Key", key);

        assertThat(cancel.json().get("status").asString()).isEqualTo("CANCELED");
    }

    @Test
    void letsOneOfManyConcurrentRequestsThroughAndHoldsTheOthers() throws Exception {
        Created payment = createPayment(1000);
        String key = "concurrent:" + UUID.randomUUID();
        // Slow "Toss" down so the requests overlap while the first is in flight.
        post("/sandbox/faults", "{\"endpoint\":\"CONFIRM\",\"orderId\":\"%s\",\"latencyMs\":500}"
            .formatted(payment.orderId()));

        List<Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Response> call = () -> confirm(payment, "Idempotency-Key", key);
                futures.add(pool.submit(call));
            }
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        }

        List<Response> successes = responses.stream().filter(response -> response.status() == 200).toList();
        assertThat(successes).isNotEmpty().allSatisfy(success -> assertThat(success.body())
            .isEqualTo(successes.get(0).body()));
        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isIn(200, 409));
        assertThat(responses.stream().filter(response -> response.status() == 409))
            .allSatisfy(busy -> assertThat(busy.code()).isEqualTo("IDEMPOTENT_REQUEST_PROCESSING"));
        assertThat(processedCalls(payment.orderId())).isEqualTo(1);
    }

    @Test
    void rejectsKeysLongerThan300Characters() throws Exception {
        Created payment = createPayment(1000);

        Response tooLong = confirm(payment, "Idempotency-Key", "k".repeat(301));
        Response longest = confirm(payment, "Idempotency-Key", "k".repeat(264) + UUID.randomUUID());

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void replaysStoredErrorsWhenSwitchedOn() throws Exception {
        put("/sandbox/settings", "{\"replayStoredErrors\":true}");
        Created payment = createPayment(1000);
        String key = "errors-on:" + UUID.randomUUID();

        Response error = confirm(payment, "Idempotency-Key", key, "TossPayments-Test-Code", "PROVIDER_ERROR");
        Response retry = confirm(payment, "Idempotency-Key", key);

        assertThat(error.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(error.body());
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void processesAfreshAfterAnErrorWhenSwitchedOff() throws Exception {
        assertThat(put("/sandbox/settings", "{\"replayStoredErrors\":false}").json().get("replayStoredErrors")
            .asBoolean()).isFalse();
        Created payment = createPayment(1000);
        String key = "errors-off:" + UUID.randomUUID();

        Response error = confirm(payment, "Idempotency-Key", key, "TossPayments-Test-Code", "PROVIDER_ERROR");
        Response retry = confirm(payment, "Idempotency-Key", key);
        Response replay = confirm(payment, "Idempotency-Key", key);

        assertThat(error.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asString()).isEqualTo("DONE");
        assertThat(replay.body()).isEqualTo(retry.body());
    }

    @Test
    void ignoresTheKeyOnQueries() throws Exception {
        Created payment = createPayment(1000);
        String key = "query:" + UUID.randomUUID();
        get("/v1/payments/" + payment.paymentKey(), withAuth("Idempotency-Key", key));
        confirm(payment);

        JsonNode after = get("/v1/payments/" + payment.paymentKey(), withAuth("Idempotency-Key", key)).json();

        assertThat(after.get("status").asString()).isEqualTo("DONE");
    }

    /** Calls for the order that were really processed and succeeded (not replays, not 409s). */
    private long processedCalls(String orderId) throws Exception {
        JsonNode calls = get("/sandbox/calls?path=/confirm&orderId=" + orderId).json();
        long processed = 0;
        for (JsonNode call : calls) {
            if (call.get("status").asInt() == 200 && !call.get("replayed").asBoolean()) {
                processed++;
            }
        }
        return processed;
    }

}
