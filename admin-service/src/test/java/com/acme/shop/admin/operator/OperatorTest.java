package com.acme.shop.admin.operator;

import com.acme.shop.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorTest {

    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    private static final SignInPolicy POLICY = new SignInPolicy(5, Duration.ofMinutes(15));

    private static Operator operator() {
        return Operator.create("kim.operator", "김운영", "$2a$10$hash", Set.of(OperatorRole.OPERATOR), T0);
    }

    @Test
    void locksAfterTheFifthWrongPasswordInARowForTheLockout() {
        Operator operator = operator();

        for (int i = 1; i <= 4; i++) {
            assertThat(operator.recordFailedSignIn(T0.plusSeconds(i), POLICY)).isFalse();
            assertThat(operator.isLockedAt(T0.plusSeconds(i))).isFalse();
        }
        assertThat(operator.recordFailedSignIn(T0.plusSeconds(5), POLICY)).isTrue();

        assertThat(operator.lockedUntil()).isEqualTo(T0.plusSeconds(5).plus(Duration.ofMinutes(15)));
        assertThat(operator.isLockedAt(T0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusNanos(1))).isTrue();
        assertThat(operator.isLockedAt(T0.plusSeconds(5).plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        Operator operator = operator();
        for (int i = 0; i < 4; i++) {
            operator.recordFailedSignIn(T0, POLICY);
        }

        operator.recordSignIn(T0.plusSeconds(1));

        assertThat(operator.failedAttempts()).isZero();
        assertThat(operator.lastSignInAt()).isEqualTo(T0.plusSeconds(1));
        for (int i = 0; i < 4; i++) {
            assertThat(operator.recordFailedSignIn(T0.plusSeconds(2), POLICY)).isFalse();
        }
        assertThat(operator.isLockedAt(T0.plusSeconds(2))).isFalse();
    }

    @Test
    void wrongPasswordsWhileLockedNeitherCountNorExtendTheLock() {
        Operator operator = operator();
        for (int i = 0; i < 5; i++) {
            operator.recordFailedSignIn(T0, POLICY);
        }
        Instant until = operator.lockedUntil();

        for (int i = 0; i < 20; i++) {
            assertThat(operator.recordFailedSignIn(T0.plus(Duration.ofMinutes(14)), POLICY)).isFalse();
        }

        assertThat(operator.lockedUntil()).isEqualTo(until);
        assertThat(operator.failedAttempts()).isZero();
    }

    @Test
    void afterALockRunsOutFiveMoreWrongPasswordsAreNeededToLockAgain() {
        Operator operator = operator();
        for (int i = 0; i < 5; i++) {
            operator.recordFailedSignIn(T0, POLICY);
        }
        Instant later = T0.plus(Duration.ofMinutes(16));

        assertThat(operator.recordFailedSignIn(later, POLICY)).isFalse();
        assertThat(operator.lockedUntil()).isNull();
        assertThat(operator.failedAttempts()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            operator.recordFailedSignIn(later, POLICY);
        }
        assertThat(operator.recordFailedSignIn(later, POLICY)).isTrue();
    }

    @Test
    void theBootstrapRestoresAnAccountAsAnEnabledUnlockedAdminKeepingItsRoles() {
        Operator operator = operator();
        for (int i = 0; i < 5; i++) {
            operator.recordFailedSignIn(T0, POLICY);
        }

        operator.restoreAsAdmin("$2a$10$new", T0.plusSeconds(1));

        assertThat(operator.roles()).containsExactlyInAnyOrder(OperatorRole.OPERATOR, OperatorRole.ADMIN);
        assertThat(operator.enabled()).isTrue();
        assertThat(operator.isLockedAt(T0.plusSeconds(1))).isFalse();
        assertThat(operator.passwordHash()).isEqualTo("$2a$10$new");
    }

    @Test
    void usernamesArePlainLowerCaseAscii() {
        assertThat(Usernames.normalise("  Kim.Operator@acme ")).isEqualTo("kim.operator@acme");
        assertThat(Usernames.normalise("김운영")).isNull();
        assertThat(Usernames.normalise("ab")).isNull();
        assertThat(Usernames.normalise("a".repeat(65))).isNull();
        assertThat(Usernames.normalise("kim operator")).isNull();
        assertThat(Usernames.normalise(null)).isNull();
        assertThatThrownBy(() -> Operator.create("Kim", "김", "h", Set.of(OperatorRole.VIEWER), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operator.create("kim", "김", "h", Set.of(), T0))
                .hasMessageContaining("at least one role");
    }

    @Test
    void rolesAreThePlatformRoles() {
        assertThat(Arrays.stream(OperatorRole.values()).map(OperatorRole::role))
                .containsExactly(Roles.VIEWER, Roles.OPERATOR, Roles.FINANCE, Roles.ADMIN);
        assertThat(OperatorRole.FINANCE.authority()).isEqualTo("ROLE_FINANCE");
        assertThat(LocalAccounts.ALL).extracting(LocalAccounts.Account::role)
                .containsExactly(Roles.ADMIN, Roles.OPERATOR, Roles.FINANCE, Roles.VIEWER);
        assertThat(LocalAccounts.ALL).allSatisfy(account ->
                assertThat(Usernames.normalise(account.username())).isEqualTo(account.username()));
    }
}
