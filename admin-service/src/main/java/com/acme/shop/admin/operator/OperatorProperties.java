package com.acme.shop.admin.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Who signs in and how hard guessing is made (docs/security.md).
 *
 * @param bootstrap the first ADMIN, created at start-up while no enabled ADMIN exists
 * @param signIn    the lockout after repeated wrong passwords
 */
@ConfigurationProperties("shop.admin")
record OperatorProperties(@DefaultValue Bootstrap bootstrap, @DefaultValue SignIn signIn) {

    /**
     * @param username    env {@code SHOP_ADMIN_USERNAME}; empty: no bootstrap
     * @param password    env {@code SHOP_ADMIN_PASSWORD}; outside the local profile at least 12 characters and not
     *                    one of the published local passwords
     * @param displayName what the pages show for the account
     */
    record Bootstrap(String username, String password, @DefaultValue("관리자") String displayName) {

        @Override
        public String toString() {
            return "Bootstrap[username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***")
                    + ", displayName=" + displayName + "]";
        }
    }

    /**
     * @param maxFailedAttempts wrong passwords in a row that lock the account
     * @param lockout           how long a locked account stays locked
     */
    record SignIn(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout) {

        SignInPolicy policy() {
            return new SignInPolicy(maxFailedAttempts, lockout);
        }
    }
}
