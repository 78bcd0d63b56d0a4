package com.acme.shop.admin.page;

import com.acme.shop.admin.Korean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every console page's layout needs: the signed-in person with the actions the doors let them take, and the
 * formatting helpers ({@code fmt}). The offers are answered by the security chain ({@link WebInvocationPrivilegeEvaluator}),
 * not by a second list of roles: the routes in {@code AdminSecurityConfiguration} are the one place that decides.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class Layout {

    /** A route of each kind of action; the id in it is only there to match the route's pattern. */
    static final String ACT_ROUTE = "/payments/ord_check/refunds";
    static final String FINANCE_ROUTE = "/finance/exports";
    static final String MANAGE_ROUTE = "/operators";
    private static final Map<String, String> ROLE_LABELS = Map.of("ROLE_VIEWER", "조회자(VIEWER)", "ROLE_OPERATOR",
            "운영자(OPERATOR)", "ROLE_FINANCE", "재무(FINANCE)", "ROLE_ADMIN", "관리자(ADMIN)");

    private final WebInvocationPrivilegeEvaluator doors;
    private final Formats formats = new Formats();

    Layout(WebInvocationPrivilegeEvaluator doors) {
        this.doors = doors;
    }

    @ModelAttribute("me")
    SignedIn me(Authentication authentication) {
        if (authentication == null) {
            return new SignedIn("-", "-", List.of(), false, false, false);
        }
        String displayName = authentication.getPrincipal() instanceof DisplayNamed operator
                ? operator.displayName() : authentication.getName();
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(ROLE_LABELS::containsKey).sorted().map(ROLE_LABELS::get).toList();
        return new SignedIn(authentication.getName(), displayName, roles,
                doors.isAllowed(null, ACT_ROUTE, "POST", authentication),
                doors.isAllowed(null, FINANCE_ROUTE, "POST", authentication),
                doors.isAllowed(null, MANAGE_ROUTE, "GET", authentication));
    }

    @ModelAttribute("fmt")
    Formats fmt() {
        return formats;
    }

    /** Formatting for templates: {@code ${fmt.won(p.amount)}}, {@code ${fmt.kst(p.createdAt)}}. */
    public static final class Formats {

        public String won(Long amount) {
            return Korean.won(amount);
        }

        public String kst(Instant instant) {
            return Korean.kst(instant);
        }

        public String kst(String instant) {
            if (instant == null || instant.isBlank()) {
                return "-";
            }
            try {
                return Korean.kst(Instant.parse(instant));
            } catch (RuntimeException e) {
                return instant;
            }
        }
    }
}
