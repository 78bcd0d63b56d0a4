package com.acme.shop.platform.security;

/**
 * Who may call what, as Spring Security roles (docs/security.md): machines authenticate with a token, people sign
 * in to admin-service.
 */
public final class Roles {

    /** Another service of ours, presenting the service token (admin-service for its operators, payment-service). */
    public static final String SERVICE = "SERVICE";
    /** The metrics scraper, presenting the scrape token: metrics only. */
    public static final String SCRAPER = "SCRAPER";
    /** Operators signed in to admin-service: reads. */
    public static final String VIEWER = "VIEWER";
    /** Refunds, re-checks, replays. */
    public static final String OPERATOR = "OPERATOR";
    /** Settlement, exports, mismatches. */
    public static final String FINANCE = "FINANCE";
    /** Manages operators. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
