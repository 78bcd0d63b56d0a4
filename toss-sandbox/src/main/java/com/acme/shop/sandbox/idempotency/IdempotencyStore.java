package com.acme.shop.sandbox.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.shop.sandbox.SandboxProperties;

import org.springframework.stereotype.Component;

/**
 * Remembers, per {@link IdempotencyScope}, whether a request is still being processed or what it answered.
 * Claims are atomic ({@link ConcurrentHashMap#compute}), so of several concurrent requests with one key exactly one
 * proceeds.
 */
@Component
class IdempotencyStore {

    private final Map<IdempotencyScope, Entry> entries = new ConcurrentHashMap<>();

    private final Clock clock;

    private final Duration retention;

    IdempotencyStore(Clock clock, SandboxProperties properties) {
        this.clock = clock;
        this.retention = properties.idempotencyRetention();
    }

    /** Decides what to do with a request carrying an idempotency key. */
    Claim claim(IdempotencyScope scope) {
        Instant now = clock.instant();
        Claim[] outcome = new Claim[1];
        entries.compute(scope, (key, existing) -> {
            if (existing instanceof Completed completed && !completed.isExpired(now, retention)) {
                outcome[0] = new Claim.Replay(completed.response());
                return existing;
            }
            if (existing instanceof InFlight) {
                outcome[0] = new Claim.InProgress();
                return existing;
            }
            outcome[0] = new Claim.Proceed();
            return new InFlight();
        });
        return outcome[0];
    }

    void complete(IdempotencyScope scope, StoredResponse response) {
        entries.put(scope, new Completed(response, clock.instant()));
    }

    /** Frees the key, so the next request with it is processed afresh. */
    void release(IdempotencyScope scope) {
        entries.remove(scope);
    }

    /** Drops answers older than the retention; called now and then so a long-running sandbox does not grow forever. */
    void evictExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> entry instanceof Completed completed && completed.isExpired(now, retention));
    }

    sealed interface Claim {

        /** First use of the key (or the old answer expired): process the request. */
        record Proceed() implements Claim {
        }

        /** The first request with this key has not finished: Toss answers 409 IDEMPOTENT_REQUEST_PROCESSING. */
        record InProgress() implements Claim {
        }

        /** The first request finished: answer exactly what it answered, and process nothing. */
        record Replay(StoredResponse response) implements Claim {
        }

    }

    private sealed interface Entry {
    }

    private record InFlight() implements Entry {
    }

    private record Completed(StoredResponse response, Instant storedAt) implements Entry {

        boolean isExpired(Instant now, Duration retention) {
            return !now.isBefore(storedAt.plus(retention));
        }

    }

}
