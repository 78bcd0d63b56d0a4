package com.acme.shop.sandbox.idempotency;

/**
 * Toss treats two requests as the same when key, API (secret) key, HTTP method and URL match. The body is
 * deliberately not part of it: reusing a key for a different payment's confirm replays the first payment's answer.
 */
record IdempotencyScope(String key, String secretKey, String method, String path) {
}
