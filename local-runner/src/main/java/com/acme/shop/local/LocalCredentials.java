package com.acme.shop.local;

import java.util.List;

/**
 * The credentials the services accept in the {@code local} profile, which the launcher gives every application, so
 * {@code ./run.sh} needs no configuration. The launcher prints them; they are published and work nowhere else
 * (outside the local profile each service refuses to start with them). The values are the services' own: the
 * platform's {@code Credentials.LOCAL_SERVICE_TOKEN} / {@code LOCAL_SCRAPE_TOKEN} and admin-service's
 * {@code LocalAccounts}; {@code LocalCredentialsTest} keeps the copies here equal to them.
 */
final class LocalCredentials {

    /** What one service presents to another, and what curl presents to the APIs: {@code Authorization: Bearer}. */
    static final String SERVICE_TOKEN = "local-service-token-for-run-sh-only-0001";
    /** What the metrics scraper presents: metrics only. */
    static final String SCRAPE_TOKEN = "local-scrape-token-for-run-sh-only-00001";

    /** An account of the admin console that admin-service's local profile creates when it is missing. */
    record Account(String username, String password, String role) {
    }

    static final List<Account> ADMIN_ACCOUNTS = List.of(
            new Account("admin", "local-admin-pw", "ADMIN"),
            new Account("operator", "local-operator-pw", "OPERATOR"),
            new Account("finance", "local-finance-pw", "FINANCE"),
            new Account("viewer", "local-viewer-pw", "VIEWER"));

    private LocalCredentials() {
    }
}
