package com.acme.shop.admin.operator;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What an ADMIN does to accounts on the operators screen: create one with its roles, change roles, disable and enable,
 * unlock, set a new password. The service keeps one rule no screen can break: there is always an enabled ADMIN (the
 * last one cannot be disabled or lose the role), and nobody disables themselves. Passwords: 12 characters or more,
 * at most 72 bytes (BCrypt), never one of the published local passwords.
 */
@Service
class OperatorManagement {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final Clock clock;

    OperatorManagement(Operators operators, PasswordEncoder passwords, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<OperatorView> all() {
        return operators.findAllByOrderByUsernameAsc().stream().map(o -> OperatorView.of(o, clock.instant())).toList();
    }

    @Transactional(readOnly = true)
    OperatorView get(long id) {
        return operators.findById(id).map(o -> OperatorView.of(o, clock.instant())).orElseThrow(() -> notFound(id));
    }

    @Transactional
    OperatorView create(String typedUsername, String displayName, Set<OperatorRole> roles, String password) {
        String username = Usernames.normalise(typedUsername);
        if (username == null) {
            throw invalid("아이디는 영문 소문자, 숫자, '.', '_', '@', '-' 3~" + Usernames.MAX_LENGTH + "자입니다");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > Operator.DISPLAY_NAME_LENGTH) {
            throw invalid("이름은 1~" + Operator.DISPLAY_NAME_LENGTH + "자입니다");
        }
        requireRoles(roles);
        String hash = hash(password);
        if (operators.findByUsername(username).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "OPERATOR_EXISTS", "이미 있는 아이디입니다: " + username);
        }
        Operator created = operators.saveAndFlush(Operator.create(username, displayName.strip(), hash, roles,
                clock.instant()));
        return OperatorView.of(created, clock.instant());
    }

    @Transactional
    OperatorView changeRoles(long id, Set<OperatorRole> roles, String actingAdmin) {
        requireRoles(roles);
        return change(id, (operator, now) -> {
            if (!roles.contains(OperatorRole.ADMIN) && operator.roles().contains(OperatorRole.ADMIN) && operator.enabled()) {
                requireAnotherAdmin(operator);
            }
            operator.changeRoles(roles, now);
        });
    }

    @Transactional
    OperatorView disable(long id, String actingAdmin) {
        return change(id, (operator, now) -> {
            if (operator.username().equals(actingAdmin)) {
                throw new ApiException(HttpStatus.CONFLICT, "CANNOT_DISABLE_SELF", "자기 계정은 비활성화할 수 없습니다");
            }
            if (operator.roles().contains(OperatorRole.ADMIN) && operator.enabled()) {
                requireAnotherAdmin(operator);
            }
            operator.disable(now);
        });
    }

    @Transactional
    OperatorView enable(long id) {
        return change(id, (operator, now) -> operator.enable(now));
    }

    @Transactional
    OperatorView unlock(long id) {
        return change(id, (operator, now) -> operator.unlock(now));
    }

    @Transactional
    OperatorView resetPassword(long id, String password) {
        String hash = hash(password);
        return change(id, (operator, now) -> operator.resetPassword(hash, now));
    }

    /** True while the account may still use a session made with {@code roles}: enabled, same roles. */
    @Transactional(readOnly = true)
    boolean stillHolds(String username, Set<OperatorRole> roles) {
        return operators.findByUsername(username).filter(Operator::enabled).map(o -> o.roles().equals(roles))
                .orElse(false);
    }

    private OperatorView change(long id, BiConsumer<Operator, java.time.Instant> change) {
        Operator operator = operators.lockById(id).orElseThrow(() -> notFound(id));
        change.accept(operator, clock.instant());
        operators.flush();
        return OperatorView.of(operator, clock.instant());
    }

    private void requireAnotherAdmin(Operator operator) {
        if (operators.countEnabledWithRole(OperatorRole.ADMIN) <= 1) {
            throw new ApiException(HttpStatus.CONFLICT, "LAST_ADMIN",
                    "마지막 활성 관리자(ADMIN)입니다: " + operator.username() + "의 관리자 권한은 유지되어야 합니다");
        }
    }

    private static void requireRoles(Set<OperatorRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw invalid("역할을 하나 이상 고르세요");
        }
    }

    private String hash(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > SignInProvider.MAX_PASSWORD_BYTES
                || LocalAccounts.isPublishedPassword(password)) {
            throw invalid("비밀번호는 " + MIN_PASSWORD_LENGTH + "자 이상, " + SignInProvider.MAX_PASSWORD_BYTES
                    + "바이트 이하여야 하고 공개된 로컬 비밀번호는 쓸 수 없습니다");
        }
        return passwords.encode(password);
    }

    /** Roles as the form sends them (checkbox values). */
    static Set<OperatorRole> roles(List<String> values) {
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        if (values != null) {
            for (String value : values) {
                try {
                    roles.add(OperatorRole.valueOf(value));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw invalid("알 수 없는 역할입니다");
                }
            }
        }
        return roles;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("OPERATOR_NOT_FOUND", "운영자를 찾을 수 없습니다: " + id);
    }

    static ApiException invalid(String detail) {
        return ApiException.badRequest("VALIDATION_FAILED", detail);
    }
}
