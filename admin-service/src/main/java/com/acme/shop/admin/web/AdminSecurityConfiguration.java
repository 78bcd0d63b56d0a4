package com.acme.shop.admin.web;

import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.operator.OperatorSessions;
import com.acme.shop.admin.page.Doors;
import com.acme.shop.admin.page.Requests;
import com.acme.shop.platform.security.Roles;
import com.acme.shop.platform.security.SecurityAutoConfiguration;
import com.acme.shop.platform.security.TokenAuthenticationFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * admin-service's doors. It is the one service that signs people in, so it declares its own chain instead of the
 * platform's stateless one, and keeps the platform's pieces: machines still authenticate with the service or scrape
 * token ({@link TokenAuthenticationFilter}), JSON callers get the platform's 401/403 problems, actuator follows the
 * shared rules, the platform's firewall and rejected-request handler apply (they are beans), and every route not
 * declared in {@link #routes} is denied.
 *
 * <p>People: form login at {@code /login} (the Korean page), a session of 30 minutes idle
 * ({@code server.servlet.session.timeout}) in an HttpOnly, SameSite=Lax cookie whose id changes at sign-in (session
 * fixation), logout by POST. CSRF is checked on every state-changing request made with the session: forms carry the
 * token as {@code _csrf}, htmx and the console's scripts send it as the {@code X-CSRF-TOKEN} header, read from the
 * page's {@code <meta name="_csrf">}. A browser on a page without a session is sent to {@code /login} (with
 * {@code ?expired} when its session is gone), htmx gets a 401 with {@code HX-Redirect}; a caller of {@code /api/**} or
 * {@code /actuator/**} gets a 401 or 403 problem instead, never a redirect. A signed-in person refused an action gets
 * a 403 problem, and the refusal is written to the audit log ({@link AuditedRefusals}). docs/console.md has the routes
 * as a table; {@code ConsoleDoorsIT} checks every one of them for every role.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    static final String[] PEOPLE = Doors.PEOPLE;
    static final String[] ACTORS = Doors.ACTORS;
    static final String[] FINANCE_STAFF = Doors.FINANCE_STAFF;
    static final String[] ADMINS = Doors.ADMINS;
    /** Files anyone may fetch: the pages' styles and scripts, htmx and Chart.js (no data in them). */
    static final String[] STATIC_ASSETS = {"/console.css", "/console.js", "/sagas.js", "/dashboard.js", "/favicon.ico",
            "/webjars/htmx.org/**", "/webjars/chart.js/**"};
    /** Where callers expect JSON: refusals are problems, never a redirect to the sign-in page. */
    static final RequestMatcher MACHINE_PATHS = new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/actuator/**"),
            pathPattern("/v3/api-docs/**"), pathPattern("/v3/api-docs.yaml"));

    /**
     * The console's actions, each with the name the audit log gives it and the path variable that names its target:
     * a refusal at the doors (role or CSRF) is recorded under that name too ({@link AuditedRefusals}).
     */
    static final List<AuditedRefusals.ActionRoute> ACTIONS = List.of(
            new AuditedRefusals.ActionRoute("/payments/{target}/refund-confirmation", AuditAction.REFUND, ACTORS),
            new AuditedRefusals.ActionRoute("/payments/{target}/refunds", AuditAction.REFUND, ACTORS),
            new AuditedRefusals.ActionRoute("/payments/{target}/recheck", AuditAction.RECHECK, ACTORS),
            new AuditedRefusals.ActionRoute("/refunds/{target}/retry", AuditAction.REFUND_RETRY, ACTORS),
            new AuditedRefusals.ActionRoute("/webhooks/{target}/reprocess", AuditAction.WEBHOOK_REPROCESS, ACTORS),
            new AuditedRefusals.ActionRoute("/dead-letters/{target}/replay", AuditAction.DEAD_LETTER_REPLAY, ACTORS),
            new AuditedRefusals.ActionRoute("/api/v1/admin/dead-letters/{target}/replay", AuditAction.DEAD_LETTER_REPLAY,
                    ACTORS),
            new AuditedRefusals.ActionRoute("/finance/mismatches/{target}/resolve", AuditAction.MISMATCH_RESOLVE,
                    FINANCE_STAFF),
            new AuditedRefusals.ActionRoute("/finance/mismatches/{target}/ignore", AuditAction.MISMATCH_IGNORE,
                    FINANCE_STAFF),
            new AuditedRefusals.ActionRoute("/finance/exports", AuditAction.SETTLEMENT_EXPORT, FINANCE_STAFF),
            new AuditedRefusals.ActionRoute("/operators", AuditAction.OPERATOR_CREATE, ADMINS),
            new AuditedRefusals.ActionRoute("/operators/{target}/roles", AuditAction.OPERATOR_ROLES, ADMINS),
            new AuditedRefusals.ActionRoute("/operators/{target}/disable", AuditAction.OPERATOR_DISABLE, ADMINS),
            new AuditedRefusals.ActionRoute("/operators/{target}/enable", AuditAction.OPERATOR_ENABLE, ADMINS),
            new AuditedRefusals.ActionRoute("/operators/{target}/unlock", AuditAction.OPERATOR_UNLOCK, ADMINS),
            new AuditedRefusals.ActionRoute("/operators/{target}/password", AuditAction.OPERATOR_PASSWORD_RESET, ADMINS));

    /**
     * Every route of admin-service and who may call it, in one place (docs/security.md and docs/console.md have the
     * same as a table). First match wins; what no line names is denied. The pages show a button by the same role
     * lists ({@link Doors}).
     */
    static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes,
                       Environment environment) {
        // metrics and info: operators too, not only the machines the shared rules allow; before the shared rules,
        // whose /actuator/** would match first
        routes.requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**", "/actuator/info")
                .hasAnyRole(with(PEOPLE, Roles.SERVICE, Roles.SCRAPER));
        // health probes open (details only for the roles of management.endpoint.health.roles), the rest of actuator
        // for services and the scraper, /error open, the API description (/v3/api-docs, Swagger UI) to services, or to
        // anyone in the local profile
        SecurityAutoConfiguration.sharedRules(routes, environment);
        routes.requestMatchers(HttpMethod.GET, "/login").permitAll()
                // handled by the sign-in and logout filters before these rules; both need the CSRF token
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                .requestMatchers(HttpMethod.GET, STATIC_ASSETS).permitAll()
                // the settlement export's progress and file: finance staff (the dashboard itself is for everyone)
                .requestMatchers(HttpMethod.GET, "/finance/exports/{id}", "/finance/exports/{id}/file",
                        "/finance/export.xlsx")
                .hasAnyRole(FINANCE_STAFF)
                // the operators screen
                .requestMatchers(HttpMethod.GET, "/operators").hasAnyRole(ADMINS)
                // console pages and their fragments: everyone signed in reads everything else
                .requestMatchers(HttpMethod.GET, "/", "/payments", "/payments/results", "/payments/export.xlsx",
                        "/payments/lookup", "/payments/{orderId}", "/payments/{orderId}/activity", "/queues",
                        "/webhooks/{id}", "/dead-letters/{id}", "/sagas", "/audit", "/finance", "/finance/charts")
                .hasAnyRole(PEOPLE)
                // reads: people, and other services (with the service token)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/**").hasAnyRole(with(PEOPLE, Roles.SERVICE));
        // actions: signed in with the role, and the CSRF token
        for (AuditedRefusals.ActionRoute action : ACTIONS) {
            routes.requestMatchers(HttpMethod.POST, action.pattern()).hasAnyRole(action.roles());
        }
        routes.anyRequest().denyAll();
    }

    @Bean
    SecurityFilterChain adminSecurityFilterChain(HttpSecurity http, AuthenticationManager operatorSignIn,
                                                 TokenAuthenticationFilter tokens,
                                                 AuthenticationEntryPoint problemAuthenticationEntryPoint,
                                                 AccessDeniedHandler problemAccessDeniedHandler,
                                                 AuditTrail audit, OperatorSessions operatorSessions,
                                                 Environment environment) throws Exception {
        String sessionCookie = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
        AuditedRefusals refusals = new AuditedRefusals(ACTIONS, audit);
        http.authenticationManager(operatorSignIn)
                .addFilterBefore(tokens, AnonymousAuthenticationFilter.class)
                // a disabled account, or one whose roles an ADMIN changed, loses its session at the next request
                .addFilterBefore(operatorSessions, AnonymousAuthenticationFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.recordAs(authentication.getName(), AuditAction.SIGN_OUT, authentication.getName(),
                                        AuditOutcome.SUCCEEDED, null, null, null, null);
                            }
                        })
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies(sessionCookie))
                // A session only where one is needed (the default, so not named: naming a creation policy adds
                // Spring's SessionManagementFilter, which stores any authentication made during a request in a new
                // session, a machine's token authentication included, and a service call would get a cookie worth the
                // service token). A new session id at sign-in (fixation), applied by the form login itself.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .requireExplicitAuthenticationStrategy(true))
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .exceptionHandling(doors -> doors
                        .defaultAuthenticationEntryPointFor(problemAuthenticationEntryPoint, MACHINE_PATHS)
                        .defaultAuthenticationEntryPointFor(AdminSecurityConfiguration::signInFirst,
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            refusals.refused(request, e instanceof CsrfException ? "CSRF_TOKEN_INVALID" : "ACCESS_DENIED");
                            problemAccessDeniedHandler.handle(request, response, e);
                        }, MACHINE_PATHS)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            refusals.refused(request, e instanceof CsrfException ? "CSRF_TOKEN_INVALID" : "ACCESS_DENIED");
                            pageDenied(request, response, e, problemAccessDeniedHandler);
                        }, AnyRequestMatcher.INSTANCE))
                .authorizeHttpRequests(routes -> routes(routes, environment));
        return http.build();
    }

    /**
     * A person without a session on a page. A browser goes to the sign-in page, with "your session ran out" when it
     * still sent the cookie of a session that is gone (30 minutes idle, or the service restarted); htmx gets a 401
     * that tells it to load that page ({@code HX-Redirect}) instead of swapping the sign-in form into a fragment.
     */
    private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
                                    org.springframework.security.core.AuthenticationException e) throws IOException {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String target = request.getContextPath() + (expired ? "/login?expired" : "/login");
        if (Requests.isHtmx(request)) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(target);
    }

    /**
     * A refused page or action. A form without a valid CSRF token almost always means the session ran out while the
     * page was open: a browser goes back to the sign-in page, saying so; htmx is told to go there. A browser navigating
     * to a page its role does not open gets the Korean 403 page; every other refusal is a 403 problem
     * ({@code ACCESS_DENIED}), which console.js shows next to the form.
     */
    private static void pageDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e,
                                   AccessDeniedHandler problem) throws IOException, jakarta.servlet.ServletException {
        if (e instanceof CsrfException) {
            String target = request.getContextPath() + "/login?expired";
            if (Requests.isHtmx(request)) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            if (isForm(request)) {
                response.sendRedirect(target);
                return;
            }
            problem.handle(request, response, e);
            return;
        }
        if (Requests.isNavigation(request) && "GET".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        problem.handle(request, response, e);
    }

    /** A browser's plain form submission (not a script's call). */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    /**
     * Remembers only page visits for after sign-in: not API calls (the console polls every 3 s; after the session
     * runs out those would become the place sign-in returns to) and nothing but GET.
     */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(pathPattern(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(MACHINE_PATHS)));
        return cache;
    }

    private static String[] with(String[] roles, String... more) {
        String[] all = Arrays.copyOf(roles, roles.length + more.length);
        System.arraycopy(more, 0, all, roles.length, more.length);
        return all;
    }
}
