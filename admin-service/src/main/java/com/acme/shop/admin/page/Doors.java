package com.acme.shop.admin.page;

import com.acme.shop.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Arrays;

/**
 * Who may pass which kind of door of the console. {@code AdminSecurityConfiguration} declares every route with one of
 * these, and the pages show a button only to those it names ({@link Layout}), so the rule and the button cannot drift
 * apart: changing who may refund is changing {@link #ACTORS} here.
 */
public final class Doors {

    /** Everyone who signs in here, whatever their role: reads and pages. */
    public static final String[] PEOPLE = {Roles.VIEWER, Roles.OPERATOR, Roles.FINANCE, Roles.ADMIN};
    /** Who acts on payments and the saga: refunds, re-checks, refund retries, webhook re-processing, replays. */
    public static final String[] ACTORS = {Roles.OPERATOR, Roles.ADMIN};
    /** Who acts on settlement: mismatches (resolve, ignore) and the settlement export. */
    public static final String[] FINANCE_STAFF = {Roles.FINANCE, Roles.ADMIN};
    /** Who manages operators. */
    public static final String[] ADMINS = {Roles.ADMIN};

    private Doors() {
    }

    /** True when the person holds one of {@code roles}. */
    public static boolean opens(Authentication person, String[] roles) {
        return person != null && person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> Arrays.stream(roles).anyMatch(r -> a.equals("ROLE_" + r)));
    }
}
