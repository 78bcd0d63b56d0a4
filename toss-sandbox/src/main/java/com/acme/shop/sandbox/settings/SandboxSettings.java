package com.acme.shop.sandbox.settings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.sandbox.SandboxProperties;

import org.springframework.stereotype.Component;

/** Switches tests flip at runtime over HTTP; they start from the configured {@link SandboxProperties}. */
@Component
public class SandboxSettings {

    private final AtomicReference<Values> current;

    SandboxSettings(SandboxProperties properties) {
        this.current = new AtomicReference<>(new Values(properties.replayStoredErrors(), properties.defaultLatency()));
    }

    /** Whether an error answer stored under an idempotency key is replayed (true) or the key stays free (false). */
    public boolean replayStoredErrors() {
        return current.get().replayStoredErrors();
    }

    /** Added to every {@code /v1} call unless a fault sets its own latency. */
    public Duration defaultLatency() {
        return current.get().defaultLatency();
    }

    Values current() {
        return current.get();
    }

    Values update(Boolean replayStoredErrors, Duration defaultLatency) {
        return current.updateAndGet(values -> new Values(
                replayStoredErrors == null ? values.replayStoredErrors() : replayStoredErrors,
                defaultLatency == null ? values.defaultLatency() : defaultLatency));
    }

    record Values(boolean replayStoredErrors, Duration defaultLatency) {
    }

}
