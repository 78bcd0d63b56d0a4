package com.acme.shop.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;


/**
 * Spring Security for every service, one setup: machine callers authenticate with a bearer token
 * ({@link TokenAuthenticationFilter}), each service declares its doors in one {@link AccessRules} bean, and what
 * nobody declared is denied. Refusals are problem responses with stable codes: 401 {@code AUTHENTICATION_REQUIRED},
 * 403 {@code ACCESS_DENIED}, 400 {@code REQUEST_REJECTED} for a path the firewall refuses. The rules match the
 * servlet path as the container normalised it, so {@code ;params}, {@code %}-encoding and {@code ..} cannot step
 * around them. admin-service, which signs people in, declares a chain of its own and keeps the shared pieces.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    public static final String DENIED_AS_NOT_FOUND = "shop.security.deniedAsNotFound";

    @Bean
    Credentials credentials(SecurityProperties properties, Environment environment) {
        return Credentials.of(properties, environment);
    }

    /** For calls to other services: the service token, and the operator a call is made for. */
    @Bean
    ServiceCalls serviceCalls(Credentials credentials) {
        return new ServiceCalls(credentials);
    }

    @Bean
    TokenAuthenticationFilter tokenAuthenticationFilter(Credentials credentials) {
        return new TokenAuthenticationFilter(credentials);
    }

    /** Only inside the security chain, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthenticationFilterRegistration(TokenAuthenticationFilter filter) {
        FilterRegistrationBean<TokenAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(SecurityProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Machines only: a service without a user store of its own signs nobody in with a password. Declaring this keeps
     * Spring Boot from inventing a user with a generated password.
     */
    @Bean
    @ConditionalOnMissingBean({AuthenticationManager.class, UserDetailsService.class})
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new ProviderNotFoundException("this service signs nobody in with a password");
        };
    }

    /**
     * Semicolons are allowed through, so that the container strips {@code ;params} from the path before the rules
     * match it ({@code /internal;x/...} is {@code /internal/...} to the rules, and needs a token). Everything else
     * the strict firewall refuses (encoded slashes and periods, {@code //}, {@code ..}) stays refused.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "The request's path or headers are not acceptable: " + e.getMessage());
    }

    @Bean
    AuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return (request, response, e) -> {
            if (request.getAttribute(DENIED_AS_NOT_FOUND) instanceof String code) {
                Problems.write(request, response, HttpStatus.NOT_FOUND, code, "Not found");
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
                    "This endpoint needs a credential");
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDeniedHandler() {
        return (request, response, e) -> {
            if (request.getAttribute(DENIED_AS_NOT_FOUND) instanceof String code) {
                Problems.write(request, response, HttpStatus.NOT_FOUND, code, "Not found");
                return;
            }
            Problems.write(request, response, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                    "The caller's credential does not allow this");
        };
    }

    /**
     * The chain of a service that signs nobody in: stateless, no CSRF (no cookies carry authority here: tokens do),
     * the shared actuator rules, then the service's own {@link AccessRules}, then everything else denied.
     */
    @Bean
    @ConditionalOnBean(AccessRules.class)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, AccessRules rules,
                                                   TokenAuthenticationFilter tokens,
                                                   AuthenticationEntryPoint entryPoint,
                                                   AccessDeniedHandler deniedHandler,
                                                   Environment environment) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(tokens, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .authorizeHttpRequests(routes -> {
                    sharedRules(routes, environment);
                    rules.declare(routes);
                    routes.anyRequest().denyAll();
                });
        return http.build();
    }

    /** The API description (springdoc) and its Swagger UI: who may read them is declared with the shared rules. */
    public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};

    /**
     * What every service opens the same way: health probes to all, the rest of actuator to services and the scraper,
     * and the API description ({@link #API_DOCS}, docs/api.md): to anyone in the {@code local} profile, where a
     * developer opens Swagger UI in a browser, and to services only elsewhere (the same description is in the
     * repository; a running service does not advertise its internal routes to whoever reaches its port). The
     * {@code production} profile does not serve it at all (ApiDocsEnvironment), so there it is a 404 behind this door.
     */
    public static void sharedRules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes,
                                   Environment environment) {
        routes.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                        "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(Roles.SERVICE, Roles.SCRAPER)
                .requestMatchers("/error").permitAll();
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            routes.requestMatchers(HttpMethod.GET, API_DOCS).permitAll();
        } else {
            routes.requestMatchers(HttpMethod.GET, API_DOCS).hasRole(Roles.SERVICE);
        }
    }
}
