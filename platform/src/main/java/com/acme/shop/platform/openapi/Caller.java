package com.acme.shop.platform.openapi;

/**
 * Who may pass a door, as the API description states it (docs/security.md has the same as tables). The access rules
 * of each service are what enforce it; the description says it to callers, and each service's API description test
 * knocks on every described operation to check that the two agree.
 */
public enum Caller {

    /** No credential: the storefront's catalog and checkout, Toss's webhooks. */
    ANYONE,
    /** The customer who checked out: the checkout's token in {@code X-Checkout-Token}. */
    CHECKOUT_HOLDER,
    /** The customer who checked out, or another service of ours. */
    CHECKOUT_HOLDER_OR_SERVICE,
    /** Another service of ours: {@code Authorization: Bearer <service token>}. */
    SERVICE,
    /** A service acting for a named operator: the service token and {@code X-Operator} (recorded with the action). */
    SERVICE_FOR_OPERATOR,
    /** Signed in to the console (session cookie), or another service with the service token (admin-service). */
    PERSON_OR_SERVICE,
    /** Signed in to the console with a role that may act, with the session's CSRF token (admin-service). */
    PERSON_WITH_CSRF
}
