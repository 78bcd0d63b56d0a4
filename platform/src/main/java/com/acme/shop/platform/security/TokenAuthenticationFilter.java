package com.acme.shop.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates machine callers by {@code Authorization: Bearer <token>}: the service token makes the caller a
 * {@link Roles#SERVICE}, the scrape token a {@link Roles#SCRAPER}. Anything else leaves the request anonymous, and
 * the access rules decide. A service caller may name the operator it acts for in {@value #OPERATOR_HEADER}; that
 * name is trusted only together with the service token (it is what the audit records).
 */
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    public static final String OPERATOR_HEADER = "X-Operator";
    /** Operator names as admin-service issues them; anything else is not passed on (it ends up in audit logs). */
    private static final java.util.regex.Pattern OPERATOR_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Credentials credentials;

    public TokenAuthenticationFilter(Credentials credentials) {
        this.credentials = credentials;
    }

    /**
     * A streamed answer (the settlement export) is finished by a second, ASYNC dispatch of the same request, which
     * goes through the security chain again; its bearer token is read again too, so the rules judge it as they judged
     * the request (a stateless chain keeps no session to carry the first authentication over).
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (credentials.isServiceToken(token)) {
                String operator = request.getHeader(OPERATOR_HEADER);
                authenticate(new MachineAuthentication("service", Roles.SERVICE,
                        operator != null && OPERATOR_NAME.matcher(operator).matches() ? operator : null));
            } else if (credentials.isScrapeToken(token)) {
                authenticate(new MachineAuthentication("scraper", Roles.SCRAPER, null));
            }
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(MachineAuthentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    /** A machine caller; for a service acting for an operator, {@link #operator()} names the person. */
    public static final class MachineAuthentication extends AbstractAuthenticationToken {

        private final String name;
        private final String operator;

        MachineAuthentication(String name, String role, String operator) {
            super(AuthorityUtils.createAuthorityList("ROLE_" + role));
            this.name = name;
            this.operator = operator;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        /** The operator a service call acts for (admin-service passes the signed-in operator), or null. */
        public String operator() {
            return operator;
        }
    }
}
