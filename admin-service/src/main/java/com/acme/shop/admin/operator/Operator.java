package com.acme.shop.admin.operator;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to admin-service: an operator or a member of finance staff. Holds the BCrypt hash of the
 * password (never the password), the roles, and the lockout state: {@link #recordFailedSignIn} counts wrong
 * passwords and locks the account for a while when there are too many in a row.
 */
@Entity
@Table(name = "operator")
class Operator {

    static final int DISPLAY_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, updatable = false, length = Usernames.MAX_LENGTH)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operator_role", joinColumns = @JoinColumn(name = "operator_id"))
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "role", nullable = false, length = 16)
    private Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Operator() {
    }

    private Operator(String username, String displayName, String passwordHash, Set<OperatorRole> roles, Instant now) {
        this.username = Usernames.require(username);
        this.displayName = requireDisplayName(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An operator needs at least one role: " + username);
        }
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new, enabled account. */
    static Operator create(String username, String displayName, String passwordHash, Set<OperatorRole> roles,
                           Instant now) {
        return new Operator(username, displayName, passwordHash, roles, now);
    }

    private static String requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("A display name of 1-" + DISPLAY_NAME_LENGTH + " characters is needed");
        }
        return displayName.strip();
    }

    /** True while a lockout lasts: then even the right password is refused. */
    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. The {@code maxFailedAttempts}-th in a row locks the account until {@code now +
     * lockout}, and the count starts again from zero for the time after it. Wrong passwords while locked are not
     * counted and do not extend the lock, so nobody can keep someone else locked out for longer than one lockout
     * after they stop guessing.
     *
     * @return true when this attempt locked the account
     */
    boolean recordFailedSignIn(Instant now, SignInPolicy policy) {
        if (isLockedAt(now)) {
            return false;
        }
        lockedUntil = null; // a lock that has run out
        failedAttempts++;
        updatedAt = now;
        if (failedAttempts >= policy.maxFailedAttempts()) {
            lockedUntil = now.plus(policy.lockout());
            failedAttempts = 0;
            return true;
        }
        return false;
    }

    /** A successful sign-in: the count of wrong passwords starts again, any lock that has run out is gone. */
    void recordSignIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
        updatedAt = now;
    }

    /**
     * Makes this an enabled ADMIN with a new password and no lock: what configuration does when no enabled ADMIN is
     * left (see {@link OperatorAccounts#bootstrapAdmin}).
     */
    void restoreAsAdmin(String newPasswordHash, Instant now) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        roles.add(OperatorRole.ADMIN);
        enabled = true;
        failedAttempts = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    /** An ADMIN's change of this account's roles; at least one. */
    void changeRoles(Set<OperatorRole> newRoles, Instant now) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("An operator needs at least one role: " + username);
        }
        roles.clear();
        roles.addAll(newRoles);
        updatedAt = now;
    }

    /** A disabled account cannot sign in, and a session it has ends at its next request. */
    void disable(Instant now) {
        enabled = false;
        updatedAt = now;
    }

    void enable(Instant now) {
        enabled = true;
        updatedAt = now;
    }

    /** Ends a lockout now, and forgets the wrong passwords counted towards the next one. */
    void unlock(Instant now) {
        lockedUntil = null;
        failedAttempts = 0;
        updatedAt = now;
    }

    /** A new password set by an ADMIN; the count of wrong passwords and any lock are gone with the old one. */
    void resetPassword(String newPasswordHash, Instant now) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        failedAttempts = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<OperatorRole> roles() {
        return Collections.unmodifiableSet(roles);
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastSignInAt() {
        return lastSignInAt;
    }
}
