package com.acme.shop.admin.web;

import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * Records in the audit log what the doors refused a signed-in person: a POST without the role, or without the page's
 * CSRF token (a forged request from another site looks like that). Reads refused are not recorded; nothing changed.
 */
final class AuditedRefusals {

    /** One of the console's actions: its route, its name in the audit log, and who may take it. */
    record ActionRoute(String pattern, AuditAction action, String... roles) {

        PathPattern parsed() {
            return PathPatternParser.defaultInstance.parse(pattern);
        }
    }

    private final List<ActionRoute> actions;
    private final List<PathPattern> patterns;
    private final AuditTrail audit;

    AuditedRefusals(List<ActionRoute> actions, AuditTrail audit) {
        this.actions = actions;
        this.patterns = actions.stream().map(ActionRoute::parsed).toList();
        this.audit = audit;
    }

    void refused(HttpServletRequest request, String code) {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || person == null
                || person instanceof AnonymousAuthenticationToken || !person.isAuthenticated()) {
            return;
        }
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        PathContainer container = PathContainer.parsePath(path);
        AuditAction action = AuditAction.REQUEST;
        String target = request.getMethod() + " " + path;
        for (int i = 0; i < patterns.size(); i++) {
            PathPattern.PathMatchInfo match = patterns.get(i).matchAndExtract(container);
            if (match != null) {
                action = actions.get(i).action();
                target = match.getUriVariables().getOrDefault("target", null);
                break;
            }
        }
        audit.record(action, target, AuditOutcome.REFUSED, code, null, null, null);
    }
}
