package com.acme.shop.sandbox.calls;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One {@code /v1} call as the sandbox saw it. {@code replayed} marks answers served from the idempotency store
 * (nothing was processed); {@code fault} names the injected fault, if any.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CallRecord(String receivedAt, String method, String path, String idempotencyKey, String testCode,
        String orderId, String paymentKey, int status, String code, boolean replayed, String fault) {

    boolean matches(String orderId, String paymentKey, String path) {
        return (orderId == null || orderId.equals(this.orderId))
                && (paymentKey == null || paymentKey.equals(this.paymentKey))
                && (path == null || this.path.contains(path));
    }

}
