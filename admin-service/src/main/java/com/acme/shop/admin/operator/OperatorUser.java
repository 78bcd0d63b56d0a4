package com.acme.shop.admin.operator;

import com.acme.shop.admin.page.DisplayNamed;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A signed-in operator as Spring Security keeps it in the session: the username (what the audit records), the
 * display name for the pages, and the roles as {@code ROLE_*} authorities. The password hash is erased after
 * sign-in. Equal by username, as {@link User} is (the display name and roles are what the account said at sign-in).
 */
public final class OperatorUser extends User implements DisplayNamed {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final EnumSet<OperatorRole> roles;

    OperatorUser(String username, String passwordHash, String displayName, Set<OperatorRole> roles, boolean enabled,
                 boolean locked) {
        super(username, passwordHash, enabled, true, true, !locked, authorities(roles));
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(OperatorRole.class) : EnumSet.copyOf(roles);
    }

    private static Collection<GrantedAuthority> authorities(Set<OperatorRole> roles) {
        return List.copyOf(roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public Set<OperatorRole> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean holds(OperatorRole role) {
        return roles.contains(role);
    }
}
