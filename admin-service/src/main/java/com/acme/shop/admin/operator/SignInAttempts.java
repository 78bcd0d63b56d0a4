package com.acme.shop.admin.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Keeps count of sign-ins per account: wrong passwords towards a lockout, and the last successful sign-in. */
@Service
class SignInAttempts {

    /** The same logger payment-service writes its tampering events to: operators watch one place. */
    private static final Logger security = LoggerFactory.getLogger("SECURITY");

    private final Operators operators;
    private final SignInPolicy policy;
    private final Clock clock;

    SignInAttempts(Operators operators, OperatorProperties properties, Clock clock) {
        this.operators = operators;
        this.policy = properties.signIn().policy();
        this.clock = clock;
    }

    /** A wrong password for what was typed as the username; nothing to count when there is no such account. */
    @Transactional
    void failed(String typedUsername) {
        String username = Usernames.normalise(typedUsername);
        if (username == null) {
            return;
        }
        operators.lockByUsername(username).ifPresent(operator -> {
            Instant now = clock.instant();
            if (operator.recordFailedSignIn(now, policy)) {
                security.warn("Operator {} locked until {} after {} wrong passwords in a row", username,
                        operator.lockedUntil(), policy.maxFailedAttempts());
            }
        });
    }

    @Transactional
    void succeeded(String username) {
        operators.lockByUsername(username).ifPresent(operator -> operator.recordSignIn(clock.instant()));
    }
}
