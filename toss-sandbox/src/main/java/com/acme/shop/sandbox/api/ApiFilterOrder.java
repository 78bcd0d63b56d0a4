package com.acme.shop.sandbox.api;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters that wrap every {@code /v1} call, outermost first. Keeping the numbers in one place
 * makes the pipeline readable:
 *
 * <pre>
 * CALL_LOG     records the call and its final status, whatever happens inside
 * AUTH         Basic auth: 401/403 before anything else is looked at
 * TRANSPORT    network-level faults: reset the connection, or process and then drop the answer
 * IDEMPOTENCY  replays stored answers / 409 while in flight; everything below runs at most once per key
 * INJECTION    latency and injected Toss errors (TossPayments-Test-Code header or an errorCode fault)
 * (controllers)
 * </pre>
 *
 * A dropped answer sits outside idempotency on purpose: Toss finished processing and stored its answer, only the
 * network lost it, so a retry with the same key must get the stored answer.
 */
public final class ApiFilterOrder {

    public static final int CALL_LOG = Ordered.HIGHEST_PRECEDENCE + 100;

    public static final int AUTH = CALL_LOG + 1;

    public static final int TRANSPORT = CALL_LOG + 2;

    public static final int IDEMPOTENCY = CALL_LOG + 3;

    public static final int INJECTION = CALL_LOG + 4;

    private ApiFilterOrder() {
    }

}
