package com.acme.shop.admin.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a person's session at their next request once an ADMIN has disabled the account or changed its roles: the
 * session holds the roles of the sign-in, and this compares them with the account on every request (one indexed
 * read). The person is then anonymous and is sent to the sign-in page ("session ended"); signing in again gives the
 * new roles. Part of admin-service's security chain, after the session is read and before the doors.
 */
public final class OperatorSessions extends OncePerRequestFilter {

    private final OperatorManagement management;

    OperatorSessions(OperatorManagement management) {
        this.management = management;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OperatorUser operator
                && !management.stillHolds(operator.getUsername(), operator.roles())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
