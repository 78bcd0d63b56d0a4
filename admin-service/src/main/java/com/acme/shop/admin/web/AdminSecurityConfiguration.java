package com.acme.shop.admin.web;

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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.Arrays;

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
 * token as {@code _csrf}, the console's JavaScript sends it as the {@code X-CSRF-TOKEN} header, read from the page's
 * {@code <meta name="_csrf">}. A browser on a page without a session is sent to {@code /login}; a caller of
 * {@code /api/**} or {@code /actuator/**} gets a 401 or 403 problem instead, never a redirect.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    /** Everyone who signs in here, whatever their role: reads and pages. */
    static final String[] PEOPLE = {Roles.VIEWER, Roles.OPERATOR, Roles.FINANCE, Roles.ADMIN};
    /** Who may act on the saga: dead-letter replays. */
    static final String[] ACTORS = {Roles.OPERATOR, Roles.ADMIN};
    /** Files anyone may fetch: the pages' styles and script (no data in them). */
    static final String[] STATIC_ASSETS = {"/console.css", "/console.js", "/favicon.ico"};
    /** Where callers expect JSON: refusals are problems, never a redirect to the sign-in page. */
    static final RequestMatcher MACHINE_PATHS = new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/actuator/**"));

    /**
     * Every route of admin-service and who may call it, in one place (docs/security.md has the same as a table).
     * First match wins; what no line names is denied.
     */
    static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        // metrics and info: operators too, not only the machines the shared rules allow; before the shared rules,
        // whose /actuator/** would match first
        routes.requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**", "/actuator/info")
                .hasAnyRole(with(PEOPLE, Roles.SERVICE, Roles.SCRAPER));
        // health probes open (details only for the roles of management.endpoint.health.roles), the rest of actuator
        // for services and the scraper, /error open
        SecurityAutoConfiguration.sharedRules(routes);
        routes.requestMatchers(HttpMethod.GET, "/login").permitAll()
                // handled by the sign-in and logout filters before these rules; both need the CSRF token
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                .requestMatchers(HttpMethod.GET, STATIC_ASSETS).permitAll()
                // console pages
                .requestMatchers(HttpMethod.GET, "/").hasAnyRole(PEOPLE)
                // reads: people, and other services (with the service token)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/**").hasAnyRole(with(PEOPLE, Roles.SERVICE))
                // actions: operators only, signed in (with the CSRF token)
                .requestMatchers(HttpMethod.POST, "/api/v1/admin/dead-letters/{id}/replay").hasAnyRole(ACTORS)
                .anyRequest().denyAll();
    }

    @Bean
    SecurityFilterChain adminSecurityFilterChain(HttpSecurity http, AuthenticationManager operatorSignIn,
                                                 TokenAuthenticationFilter tokens,
                                                 AuthenticationEntryPoint problemAuthenticationEntryPoint,
                                                 AccessDeniedHandler problemAccessDeniedHandler,
                                                 Environment environment) throws Exception {
        String sessionCookie = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
        http.authenticationManager(operatorSignIn)
                .addFilterBefore(tokens, AnonymousAuthenticationFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
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
                .exceptionHandling(refusals -> refusals
                        .defaultAuthenticationEntryPointFor(problemAuthenticationEntryPoint, MACHINE_PATHS)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problemAccessDeniedHandler, MACHINE_PATHS)
                        .defaultAccessDeniedHandlerFor(AdminSecurityConfiguration::pageDenied, AnyRequestMatcher.INSTANCE))
                .authorizeHttpRequests(AdminSecurityConfiguration::routes);
        return http.build();
    }

    /**
     * A refused page or form. A missing or stale CSRF token on a form almost always means the session ran out
     * while the page was open (the sign-in page left for half an hour): back to the sign-in page, saying so.
     */
    private static void pageDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
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
