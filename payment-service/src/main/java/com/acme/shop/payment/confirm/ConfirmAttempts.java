package com.acme.shop.payment.confirm;

import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.gateway.PgResult;
import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Sends a confirm to the PG and, when the PG answers with a retryable error, tries again the only safe way
 * (docs/toss-api.md, section 6): wait (exponential back-off with jitter), read the payment from the PG, and
 * <ul>
 *   <li>if the PG has decided (DONE, ABORTED, a virtual account issued...), take its view as the answer: no second
 *       confirm is ever sent for a payment the PG approved;</li>
 *   <li>if it still awaits a confirm, confirm again under a NEW attempt key, recorded before sending. The PG may
 *       replay a stored error for a repeated key, so the same key could only ever return the same error.</li>
 * </ul>
 * "Still processing" (409) is the exception: it is re-sent under the same key, which returns the first request's
 * result. No DB transaction is open while the PG is called.
 */
@Component
class ConfirmAttempts {

    private static final Logger log = LoggerFactory.getLogger(ConfirmAttempts.class);

    /** Issues the key of an order's next confirm attempt, recorded before it is used. */
    @FunctionalInterface
    interface AttemptKeys {
        String next(String orderId);
    }

    private final PaymentGateway gateway;
    private final AttemptKeys keys;
    private final int maxAttempts;
    private final IntervalFunction backoff;
    private final LongConsumer sleep;

    @Autowired
    ConfirmAttempts(PaymentGateway gateway, PgRequests pgRequests, ConfirmProperties properties) {
        this(gateway, orderId -> pgRequests.recordNextAttemptNow(PgRequests.Kind.CONFIRM, orderId, orderId),
                properties.retry(), ConfirmAttempts::sleep);
    }

    /** @param sleep how to wait between attempts (a unit test passes one that records instead of sleeping) */
    ConfirmAttempts(PaymentGateway gateway, AttemptKeys keys, ConfirmProperties.Retry retry, LongConsumer sleep) {
        this.gateway = gateway;
        this.keys = keys;
        this.maxAttempts = retry.maxAttempts();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialInterval(), retry.multiplier(),
                retry.randomization());
        this.sleep = sleep;
    }

    /** The PG's final answer to a confirm, after the safe retries: never a {@link PgResult.Retryable}. */
    PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String firstKey) {
        String key = firstKey;
        PgResult<PgPayment> result = gateway.confirm(paymentKey, orderId, amount, key);
        for (int attempt = 1; result instanceof PgResult.Retryable<PgPayment> retryable && attempt < maxAttempts;
             attempt++) {
            sleep.accept(backoff.apply(attempt));
            if (retryable.sameKey()) {
                result = gateway.confirm(paymentKey, orderId, amount, key);
                continue;
            }
            Optional<PgResult<PgPayment>> decided = decidedAtPg(orderId);
            if (decided.isPresent()) {
                return decided.get();
            }
            key = nextKey(orderId);
            log.info("Confirm of {} got {} from the PG; the payment still awaits a confirm there, confirming again as {}",
                    orderId, retryable.code(), key);
            result = gateway.confirm(paymentKey, orderId, amount, key);
        }
        if (result instanceof PgResult.Retryable<PgPayment> stillFailing) {
            return new PgResult.Unknown<>("the PG kept answering " + stillFailing.code() + " after " + maxAttempts
                    + " attempts");
        }
        return result;
    }

    /**
     * Reads the payment at the PG: its view when the PG has decided (whatever it decided: the outcome step applies
     * it), empty while it still awaits a confirm, and an unknown result when it cannot be read.
     */
    Optional<PgResult<PgPayment>> decidedAtPg(String orderId) {
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(orderId);
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success)) {
            return Optional.of(new PgResult.Unknown<>("could not read the payment from the PG: " + read));
        }
        if (success.value().isEmpty()) {
            return Optional.of(new PgResult.Unknown<>("the PG does not know the order"));
        }
        PgPayment pg = success.value().get();
        return pg.status().awaitsConfirm() ? Optional.empty() : Optional.of(new PgResult.Success<>(pg));
    }

    /** The key of the next confirm attempt of an order, recorded before it is used. */
    String nextKey(String orderId) {
        return keys.next(orderId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
