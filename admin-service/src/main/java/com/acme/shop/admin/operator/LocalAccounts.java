package com.acme.shop.admin.operator;

import com.acme.shop.platform.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The accounts the {@code local} profile (what {@code ./run.sh} starts) creates when they are missing: one per
 * role, with fixed, published passwords (docs/local-runner.md; the launcher prints them). Never created in any
 * other profile, and a bootstrap password outside the local profile may not be one of these.
 */
public final class LocalAccounts {

    /** One local account; {@code role} is one of the platform's {@link Roles}. */
    public record Account(String username, String password, String displayName, String role) {
    }

    public static final List<Account> ALL = List.of(
            new Account("admin", "local-admin-pw", "관리자 (로컬)", Roles.ADMIN),
            new Account("operator", "local-operator-pw", "운영자 (로컬)", Roles.OPERATOR),
            new Account("finance", "local-finance-pw", "재무 (로컬)", Roles.FINANCE),
            new Account("viewer", "local-viewer-pw", "조회자 (로컬)", Roles.VIEWER));

    private LocalAccounts() {
    }

    static boolean isPublishedPassword(String password) {
        return ALL.stream().anyMatch(a -> a.password().equals(password));
    }

    static Set<OperatorRole> roles(Account account) {
        return Set.of(OperatorRole.valueOf(account.role()));
    }
}
