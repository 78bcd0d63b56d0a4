package com.acme.shop.payment.payment;

/**
 * What a call to the PG came to. Four cases, because a payment call's outcome is not two-valued:
 * <ul>
 *   <li>{@link Success}: the PG did it and said so;</li>
 *   <li>{@link Rejected}: the PG answered that it will not (card declined, not cancelable...), final;</li>
 *   <li>{@link Retryable}: the PG answered with an error that says "not now" or "something went wrong on our
 *       side" (5xx, PROVIDER_ERROR, 429, already processed, still processing). It may have done the work:
 *       read the payment before sending again, under a new key unless {@code sameKey};</li>
 *   <li>{@link Unknown}: the request may have been processed (read timeout, reset, 5xx, "already
 *       processed", "still processing"): find out by asking the PG, never assume failure;</li>
 *   <li>{@link Unavailable}: the request provably never reached the PG (connection refused, breaker
 *       open, our credentials refused): safe to try again later.</li>
 * </ul>
 */
public sealed interface PgResult<T> {

    record Success<T>(T value) implements PgResult<T> {
    }

    record Rejected<T>(String code, String message, int httpStatus) implements PgResult<T> {
    }

    /**
     * @param sameKey re-send under the same Idempotency-Key (the first request is still being processed and
     *                the same key will return its result); otherwise read the payment first
     */
    record Retryable<T>(String code, String message, int httpStatus, boolean sameKey) implements PgResult<T> {
    }

    record Unknown<T>(String reason) implements PgResult<T> {
    }

    record Unavailable<T>(String reason) implements PgResult<T> {
    }
}
