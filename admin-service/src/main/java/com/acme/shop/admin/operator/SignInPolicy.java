package com.acme.shop.admin.operator;

import java.time.Duration;
import java.util.Objects;

/**
 * When repeated wrong passwords lock an account, and for how long.
 *
 * @param maxFailedAttempts wrong passwords in a row that lock the account
 * @param lockout           how long it stays locked; not even the right password opens it meanwhile
 */
record SignInPolicy(int maxFailedAttempts, Duration lockout) {

    SignInPolicy {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts must be at least 1: " + maxFailedAttempts);
        }
        Objects.requireNonNull(lockout, "lockout");
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive: " + lockout);
        }
    }
}
