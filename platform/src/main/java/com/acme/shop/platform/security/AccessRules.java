package com.acme.shop.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's doors, declared in one place: every route of the service and who may call it. The platform adds the
 * rules every service shares before these (health probes open, the rest of actuator for services and the scraper)
 * and denies everything not declared after them, so a route nobody declared is closed, not open.
 */
@FunctionalInterface
public interface AccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes);
}
