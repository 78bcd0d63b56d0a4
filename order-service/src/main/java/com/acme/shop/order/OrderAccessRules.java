package com.acme.shop.order;

import com.acme.shop.platform.security.AccessRules;
import com.acme.shop.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every door of order-service and who may use it (docs/security.md). The platform opens the health probes and gives
 * the rest of actuator to services and the scraper; anything not listed here is denied.
 *
 * <ul>
 *   <li>The catalog is the storefront's: anyone may read it.</li>
 *   <li>{@code /internal/**} is for our services only: payment-service prices checkouts with the quote; stock is
 *       overridden by operators through admin-service, the demo and tests.</li>
 *   <li>Orders name customers and what they bought: services only. Listing a customer's orders is an operator's
 *       question, asked through admin-service (which signs the operator in and calls with the service token);
 *       payment-service reads one order for the storefront's progress page.</li>
 * </ul>
 */
@Component
class OrderAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/internal/v1/quotes").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.PUT, "/internal/v1/products/*/stock").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/orders", "/api/v1/orders/*").hasRole(Roles.SERVICE);
    }
}
