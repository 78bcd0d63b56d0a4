package com.acme.shop.admin.operator;

import java.time.Instant;
import java.util.List;

/** An account as the operators screen and the audit log show it: never the password hash. */
public record OperatorView(long id, String username, String displayName, List<String> roles, boolean enabled,
                           boolean locked, Instant lockedUntil, int failedAttempts, Instant lastSignInAt,
                           Instant createdAt) {

    static OperatorView of(Operator o, Instant now) {
        return new OperatorView(o.id(), o.username(), o.displayName(), o.roles().stream().map(Enum::name).sorted().toList(),
                o.enabled(), o.isLockedAt(now), o.lockedUntil(), o.failedAttempts(), o.lastSignInAt(), o.createdAt());
    }
}
