package com.acme.shop.sandbox.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.acme.shop.testsupport.MutableClock;
import com.acme.shop.sandbox.SandboxProperties;
import com.acme.shop.sandbox.api.TossTime;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"), TossTime.ZONE);

    final IdempotencyStore store = new IdempotencyStore(clock, properties(Duration.ofDays(15)));

    final IdempotencyScope scope = new IdempotencyScope("key-1", "test_sk", "POST", "/v1/payments/confirm");

    final StoredResponse ok = new StoredResponse(200, "application/json", "{}".getBytes());

    @Test
    void letsTheFirstRequestProceedAndHoldsRepeatsWhileInFlight() {
        assertThat(store.claim(scope)).isInstanceOf(IdempotencyStore.Claim.Proceed.class);
        assertThat(store.claim(scope)).isInstanceOf(IdempotencyStore.Claim.InProgress.class);
    }

    @Test
    void replaysTheStoredAnswer() {
        store.claim(scope);
        store.complete(scope, ok);

        assertThat(store.claim(scope)).isEqualTo(new IdempotencyStore.Claim.Replay(ok));
    }

    @Test
    void separatesScopesBySecretKeyMethodAndPath() {
        store.claim(scope);

        assertThat(store.claim(new IdempotencyScope("key-1", "test_sk_other", "POST", "/v1/payments/confirm")))
            .isInstanceOf(IdempotencyStore.Claim.Proceed.class);
        assertThat(store.claim(new IdempotencyScope("key-1", "test_sk", "POST", "/v1/payments/k/cancel")))
            .isInstanceOf(IdempotencyStore.Claim.Proceed.class);
    }

    @Test
    void forgetsAnswersAfterTheRetention() {
        store.claim(scope);
        store.complete(scope, ok);
        clock.advance(Duration.ofDays(15));

        assertThat(store.claim(scope)).isInstanceOf(IdempotencyStore.Claim.Proceed.class);
    }

    @Test
    void freesReleasedKeys() {
        store.claim(scope);
        store.release(scope);

        assertThat(store.claim(scope)).isInstanceOf(IdempotencyStore.Claim.Proceed.class);
    }

    static SandboxProperties properties(Duration retention) {
        return new SandboxProperties(List.of(), List.of(), "tosspayments", "상점",
                Duration.ofMinutes(10), retention, 100, true, Duration.ZERO, Duration.ofSeconds(60));
    }

}
