package com.acme.shop.admin.operator;

import org.springframework.context.ApplicationContext;

import java.util.Set;

/** Accounts for tests, created through the service the bootstrap uses (so with a real BCrypt hash). */
public final class TestOperators {

    public static final String PASSWORD = "test-password-0123";

    private TestOperators() {
    }

    /** The account, created with {@link #PASSWORD} when missing; an existing one is left as it is. */
    public static String ensure(ApplicationContext context, String username, OperatorRole... roles) {
        context.getBean(OperatorAccounts.class).createIfMissing(username, "테스트 " + username, PASSWORD, Set.of(roles));
        return username;
    }

    /** What the database says about the account's sign-ins: wrong passwords counted, locked until, last sign-in. */
    public static String signInState(ApplicationContext context, String username) {
        Operator operator = context.getBean(Operators.class).findByUsername(username).orElseThrow();
        return "failed=" + operator.failedAttempts() + " lockedUntil=" + operator.lockedUntil() + " lastSignIn="
                + operator.lastSignInAt();
    }
}
