package com.acme.shop.admin.page;

import com.acme.shop.admin.Korean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every console page's layout needs: the signed-in person with the actions the doors let them take, and the
 * formatting helpers ({@code fmt}). The offers use the same role lists ({@link Doors}) as the routes declared in
 * {@code AdminSecurityConfiguration}, the one place that decides.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class Layout {

    private static final Map<String, String> ROLE_LABELS = Map.of("ROLE_VIEWER", "조회자(VIEWER)", "ROLE_OPERATOR",
            "운영자(OPERATOR)", "ROLE_FINANCE", "재무(FINANCE)", "ROLE_ADMIN", "관리자(ADMIN)");

    private final Formats formats = new Formats();

    @ModelAttribute("me")
    SignedIn me(Authentication authentication) {
        if (authentication == null) {
            return new SignedIn("-", "-", List.of(), false, false, false);
        }
        String displayName = authentication.getPrincipal() instanceof DisplayNamed operator
                ? operator.displayName() : authentication.getName();
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(ROLE_LABELS::containsKey).sorted().map(ROLE_LABELS::get).toList();
        return new SignedIn(authentication.getName(), displayName, roles, Doors.opens(authentication, Doors.ACTORS),
                Doors.opens(authentication, Doors.FINANCE_STAFF), Doors.opens(authentication, Doors.ADMINS));
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
