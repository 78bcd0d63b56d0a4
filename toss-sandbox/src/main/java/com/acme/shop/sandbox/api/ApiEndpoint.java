package com.acme.shop.sandbox.api;

/** The Toss core API operations the sandbox imitates; faults and the call log are keyed by these. */
public enum ApiEndpoint {

    CONFIRM, CANCEL, QUERY,
    /** Any other {@code /v1} path: answered with 404 by the controllers, but still authenticated and logged. */
    OTHER

}
