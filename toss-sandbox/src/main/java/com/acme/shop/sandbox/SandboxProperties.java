package com.acme.shop.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable about the sandbox. Defaults live here rather than in a YAML file so that the sandbox
 * behaves the same when embedded in another application's JVM.
 *
 * @param secretKeys keys accepted in {@code Authorization: Basic base64(secretKey + ":")}; a {@code test_} prefix
 *     enables the {@code TossPayments-Test-Code} header, as with real Toss
 * @param clientKeys keys the payment window accepts from the browser SDK
 * @param merchantId reported as {@code mId} in every payment
 * @param merchantName shown in the payment window
 * @param sessionTimeout how long an authenticated ({@code IN_PROGRESS}) payment waits for confirm before it expires
 *     (10 minutes at Toss)
 * @param idempotencyRetention how long an {@code Idempotency-Key} is remembered (15 days at Toss)
 * @param callLogCapacity how many {@code /v1} calls the call log keeps (oldest dropped first)
 * @param replayStoredErrors initial value of the runtime switch: whether error answers are stored under an
 *     idempotency key and replayed, like successes (Toss does not document this, so tests can try both)
 * @param defaultLatency initial delay added to every {@code /v1} call
 * @param dropHold how long an {@code APPROVE_THEN_DROP} fault holds the connection before closing it, unless the
 *     fault sets its own
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @DefaultValue({ "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R", "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6" }) List<String> secretKeys,
        @DefaultValue({ "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq", "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm" }) List<String> clientKeys,
        @DefaultValue("tosspayments") String merchantId,
        @DefaultValue("토스 샌드박스 상점") String merchantName,
        @DefaultValue("10m") Duration sessionTimeout,
        @DefaultValue("15d") Duration idempotencyRetention,
        @DefaultValue("10000") int callLogCapacity,
        @DefaultValue("true") boolean replayStoredErrors,
        @DefaultValue("0ms") Duration defaultLatency,
        @DefaultValue("60s") Duration dropHold) {

    public SandboxProperties {
        secretKeys = List.copyOf(secretKeys);
        clientKeys = List.copyOf(clientKeys);
    }

}
