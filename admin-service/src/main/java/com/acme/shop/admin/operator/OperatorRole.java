package com.acme.shop.admin.operator;

import com.acme.shop.platform.security.Roles;

/**
 * What a signed-in person may do in admin-service, as the platform's {@link Roles}. An operator holds any number of
 * them and none implies another: an ADMIN who should also replay dead letters holds OPERATOR as well.
 */
public enum OperatorRole {
    /** Reads: sagas, dead letters, order overviews. */
    VIEWER(Roles.VIEWER),
    /** Reads, and acts on the saga: dead-letter replays (later refunds and re-checks). */
    OPERATOR(Roles.OPERATOR),
    /** Reads, and settlement, exports, mismatches. */
    FINANCE(Roles.FINANCE),
    /** Manages operators. */
    ADMIN(Roles.ADMIN);

    private final String role;

    OperatorRole(String role) {
        this.role = role;
    }

    /** The Spring Security role name, without the {@code ROLE_} prefix (as {@code hasRole} takes it). */
    public String role() {
        return role;
    }

    /** The granted authority Spring Security checks, {@code ROLE_<role>}. */
    public String authority() {
        return "ROLE_" + role;
    }
}
