package com.acme.shop.admin.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * The accounts that exist before anyone can create one. At start-up:
 * <ul>
 *   <li>the first ADMIN from configuration ({@code SHOP_ADMIN_USERNAME} / {@code SHOP_ADMIN_PASSWORD}), only while no
 *       enabled ADMIN exists. Outside the {@code local} profile a bootstrap password under 12 characters, or one of
 *       the published local passwords, stops start-up, checked before anything else starts: a guessable ADMIN
 *       password is an open door, like a guessable service token ({@code Credentials});</li>
 *   <li>in the {@code local} profile only, the {@link LocalAccounts} that are missing, so {@code ./run.sh} needs no
 *       configuration.</li>
 * </ul>
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final OperatorAccounts accounts;
    private final boolean local;
    /** The checked bootstrap account, or null when none is configured. */
    private final BootstrapAdmin admin;

    OperatorBootstrap(OperatorAccounts accounts, OperatorProperties properties, Environment environment) {
        this.accounts = accounts;
        this.local = environment.acceptsProfiles(Profiles.of("local"));
        this.admin = BootstrapAdmin.of(properties.bootstrap(), local);
    }

    record BootstrapAdmin(String username, String password, String displayName) {

        /** The configured account, null when none is, or an exception that stops start-up and says what to fix. */
        static BootstrapAdmin of(OperatorProperties.Bootstrap configured, boolean local) {
            boolean noUsername = configured.username() == null || configured.username().isBlank();
            boolean noPassword = configured.password() == null || configured.password().isEmpty();
            if (noUsername && noPassword) {
                return null;
            }
            if (noUsername || noPassword) {
                throw new IllegalStateException("Set both SHOP_ADMIN_USERNAME and SHOP_ADMIN_PASSWORD "
                        + "(shop.admin.bootstrap.username / password) for the first ADMIN, or neither");
            }
            String username = Usernames.normalise(configured.username());
            if (username == null) {
                throw new IllegalStateException("SHOP_ADMIN_USERNAME (shop.admin.bootstrap.username) must be 3-"
                        + Usernames.MAX_LENGTH + " ASCII letters, digits, '.', '_', '@' or '-'");
            }
            String password = configured.password();
            if (password.getBytes(StandardCharsets.UTF_8).length > SignInProvider.MAX_PASSWORD_BYTES) {
                throw new IllegalStateException("SHOP_ADMIN_PASSWORD (shop.admin.bootstrap.password) is longer than "
                        + SignInProvider.MAX_PASSWORD_BYTES + " bytes, more than BCrypt reads");
            }
            if (!local && (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
                    || LocalAccounts.isPublishedPassword(password))) {
                throw new IllegalStateException("SHOP_ADMIN_PASSWORD (shop.admin.bootstrap.password) is shorter than "
                        + MIN_PASSWORD_LENGTH + " characters or a published local password; outside the local profile "
                        + "the first ADMIN needs a strong password (e.g. openssl rand -base64 18)");
            }
            return new BootstrapAdmin(username, password, configured.displayName());
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[" + username + "]";
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin != null) {
            raced(() -> {
                accounts.bootstrapAdmin(admin.username(), admin.displayName(), admin.password());
                return true;
            });
        }
        if (local) {
            int created = 0;
            for (LocalAccounts.Account account : LocalAccounts.ALL) {
                if (raced(() -> accounts.createIfMissing(account.username(), account.displayName(), account.password(),
                        LocalAccounts.roles(account)))) {
                    created++;
                }
            }
            log.info("Local profile: {} local operator accounts created, {} already there (docs/local-runner.md)",
                    created, LocalAccounts.ALL.size() - created);
        }
        if (!accounts.enabledAdminExists()) {
            log.warn("No enabled ADMIN exists: set SHOP_ADMIN_USERNAME and SHOP_ADMIN_PASSWORD to create the first one");
        }
    }

    /**
     * Several instances starting at once on empty data (two admin-service replicas, found by the chaos run) may both
     * see an account missing and both insert it; the loser's unique key fails. The account exists then: looked at
     * again, it is found, and start-up goes on instead of dying.
     */
    private static boolean raced(java.util.function.BooleanSupplier step) {
        try {
            return step.getAsBoolean();
        } catch (DataIntegrityViolationException createdMeanwhile) {
            log.info("Another instance created the same operator at the same moment: {}", createdMeanwhile.getMessage());
            return step.getAsBoolean();
        }
    }
}
