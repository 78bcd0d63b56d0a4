package com.acme.shop.payment.payment;

/**
 * What a call to the PG came to. Four cases, because a payment call's outcome is not two-valued:
 * <ul>
 *   <li>{@link Success}: the PG did it and said so;</li>
 *   <li>{@link Rejected}: the PG answered that it will not (card declined, not cancelable...), final;</li>
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

    record Unknown<T>(String reason) implements PgResult<T> {
    }

    record Unavailable<T>(String reason) implements PgResult<T> {
    }
}
