package com.acme.shop.admin.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

/** Creates accounts: the bootstrap ADMIN and the local ones today, the operators' management screen later. */
@Service
class OperatorAccounts {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccounts.class);
    private static final Logger security = LoggerFactory.getLogger("SECURITY");

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final Clock clock;

    OperatorAccounts(Operators operators, PasswordEncoder passwords, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean enabledAdminExists() {
        return operators.existsEnabledWithRole(OperatorRole.ADMIN);
    }

    /** @return false when the username is taken (the account is left as it is) */
    @Transactional
    boolean createIfMissing(String username, String displayName, String password, Set<OperatorRole> roles) {
        if (operators.findByUsername(username).isPresent()) {
            return false;
        }
        operators.save(Operator.create(username, displayName, hash(password), roles, clock.instant()));
        log.info("Created operator {} with roles {}", username, roles);
        return true;
    }

    /**
     * The first ADMIN, from configuration, while no enabled ADMIN exists: a new account, or, when the username is
     * taken (an ADMIN disabled or demoted by mistake), that account enabled, unlocked, made ADMIN and given the
     * configured password. Whoever can set the configuration owns the service anyway; this is the way back in.
     */
    @Transactional
    void bootstrapAdmin(String username, String displayName, String password) {
        if (operators.existsEnabledWithRole(OperatorRole.ADMIN)) {
            return;
        }
        operators.lockByUsername(username).ifPresentOrElse(existing -> {
            existing.restoreAsAdmin(hash(password), clock.instant());
            security.warn("No enabled ADMIN: operator {} made an enabled ADMIN with the configured bootstrap password",
                    username);
        }, () -> {
            operators.save(Operator.create(username, displayName, hash(password), Set.of(OperatorRole.ADMIN),
                    clock.instant()));
            security.warn("No enabled ADMIN: created ADMIN {} from the bootstrap configuration", username);
        });
    }

    private String hash(String password) {
        if (password == null || password.isEmpty()
                || password.getBytes(StandardCharsets.UTF_8).length > SignInProvider.MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("A password of 1-" + SignInProvider.MAX_PASSWORD_BYTES + " bytes is needed");
        }
        return passwords.encode(password);
    }
}
