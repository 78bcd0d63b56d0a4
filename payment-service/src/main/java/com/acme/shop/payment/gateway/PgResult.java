package com.acme.shop.payment.gateway;

/**
 * What a call to the PG came to. A payment call's outcome is not two-valued (docs/toss-api.md, section 7):
 * <ul>
 *   <li>{@link Success}: the PG did it and said so;</li>
 *   <li>{@link Rejected}: the PG refused for good (card declined, not cancelable, invalid request);</li>
 *   <li>{@link Retryable}: the PG answered with an error that says "not now" or "something went wrong on our
 *       side" (5xx, PROVIDER_ERROR, 429, already processed, still processing). It may have done the work: read the
 *       payment before sending again, and send again under a new key unless {@code sameKey};</li>
 *   <li>{@link Unknown}: no usable answer (read timeout, connection reset): the request may have been processed;
 *       find out by asking the PG, never assume failure;</li>
 *   <li>{@link Unavailable}: the request provably never reached the PG (connection refused, breaker open, our
 *       credentials refused): nothing can have happened; safe to try again later.</li>
 * </ul>
 */
public sealed interface PgResult<T> {

    record Success<T>(T value) implements PgResult<T> {
    }

    record Rejected<T>(String code, String message, int httpStatus) implements PgResult<T> {
    }

    /**
     * @param sameKey re-send under the same Idempotency-Key (the first request is still being processed and the same
     *                key will return its result); otherwise read the payment first
     */
    record Retryable<T>(String code, String message, int httpStatus, boolean sameKey) implements PgResult<T> {
    }

    record Unknown<T>(String reason) implements PgResult<T> {
    }

    record Unavailable<T>(String reason) implements PgResult<T> {
    }
}
