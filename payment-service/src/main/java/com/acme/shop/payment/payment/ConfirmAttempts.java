package com.acme.shop.payment.payment;

import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * Sends a confirm to the PG and, when the PG answers with a retryable error, tries again the only safe
 * way: wait (exponential back-off with jitter), read the payment from the PG, and
 * <ul>
 *   <li>if it is DONE, take that as the approval: no second confirm is ever sent for an approved payment;</li>
 *   <li>if it is ABORTED or EXPIRED, take that as the decline;</li>
 *   <li>if it is still IN_PROGRESS, confirm again under a NEW attempt key, recorded before sending. Toss may
 *       replay a stored error for a repeated key, so the same key could only ever return the same error.</li>
 * </ul>
 * "Still processing" (409) is the exception: it is re-sent under the same key, which returns the first
 * request's result. No DB transaction is open while the PG is called.
 */
@Component
class ConfirmAttempts {

    private static final Logger log = LoggerFactory.getLogger(ConfirmAttempts.class);

    private final PaymentGateway gateway;
    private final PgRequests pgRequests;
    private final TransactionTemplate tx;
    private final ConfirmProperties properties;
    private final IntervalFunction backoff;
    private final Clock clock;

    ConfirmAttempts(PaymentGateway gateway, PgRequests pgRequests, TransactionTemplate tx,
                    ConfirmProperties properties, Clock clock) {
        this.gateway = gateway;
        this.pgRequests = pgRequests;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        ConfirmProperties.Retry retry = properties.retry();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialInterval(), retry.multiplier(),
                retry.randomization());
    }

    /** The final result and the key of the request that produced it. */
    record Attempted(PgResult<PgPayment> result, String idempotencyKey) {
    }

    Attempted confirm(String paymentKey, String orderId, long amount, String firstKey) {
        String key = firstKey;
        PgResult<PgPayment> result = gateway.confirm(paymentKey, orderId, amount, key);
        for (int attempt = 1; result instanceof PgResult.Retryable<PgPayment> retryable
                && attempt < properties.retry().maxAttempts(); attempt++) {
            pgRequests.recordOutcome(key, "RETRYABLE", retryable.httpStatus(), retryable.code(), clock.instant());
            pause(attempt);
            if (retryable.sameKey()) {
                result = gateway.confirm(paymentKey, orderId, amount, key);
                continue;
            }
            Optional<PgResult<PgPayment>> settled = settledAtPg(orderId);
            if (settled.isPresent()) {
                return new Attempted(settled.get(), key);
            }
            key = nextKey(orderId);
            log.info("Confirm of {} got {} from Toss; payment still IN_PROGRESS there, confirming again as {}",
                    orderId, retryable.code(), key);
            result = gateway.confirm(paymentKey, orderId, amount, key);
        }
        if (result instanceof PgResult.Retryable<PgPayment> stillFailing) {
            pgRequests.recordOutcome(key, "RETRYABLE", stillFailing.httpStatus(), stillFailing.code(), clock.instant());
            return new Attempted(new PgResult.Unknown<>("Toss kept answering " + stillFailing.code()
                    + " after " + properties.retry().maxAttempts() + " attempts"), key);
        }
        return new Attempted(result, key);
    }

    /**
     * Reads the payment at the PG. Returns the result to use when the PG has decided (DONE as success,
     * ABORTED/EXPIRED as rejection), empty when it is still waiting for a confirm, and an unknown result
     * when it cannot be read.
     */
    Optional<PgResult<PgPayment>> settledAtPg(String orderId) {
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(orderId);
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success)) {
            return Optional.of(new PgResult.Unknown<>("could not read the payment from Toss: " + read));
        }
        if (success.value().isEmpty()) {
            return Optional.of(new PgResult.Unknown<>("Toss does not know the order"));
        }
        PgPayment pg = success.value().get();
        return switch (pg.status()) {
            case "DONE", "WAITING_FOR_DEPOSIT", "CANCELED", "PARTIAL_CANCELED" -> Optional.of(new PgResult.Success<>(pg));
            case "ABORTED", "EXPIRED" -> Optional.of(new PgResult.Rejected<>(
                    pg.failureCode() == null ? pg.status() : pg.failureCode(),
                    pg.failureMessage() == null ? "Toss reports the payment " + pg.status() : pg.failureMessage(), 0));
            default -> Optional.empty();
        };
    }

    String nextKey(String orderId) {
        return tx.execute(s -> pgRequests.recordNextAttempt(PgRequests.Kind.CONFIRM, orderId, orderId, clock.instant()));
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.apply(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
