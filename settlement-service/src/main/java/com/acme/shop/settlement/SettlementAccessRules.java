package com.acme.shop.settlement;

import com.acme.shop.platform.security.AccessRules;
import com.acme.shop.platform.security.Roles;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every door of settlement-service and who may use it (docs/security.md). All of them are finance's and operators':
 * people sign in to admin-service, which calls here with the service token (and names the operator in
 * {@code X-Operator}); payment-service reads one payment's settlement for the storefront's progress page. The
 * platform opens the health probes and gives the rest of actuator to services and the scraper; anything not listed
 * here is denied.
 */
@Component
class SettlementAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        // The export streams its answer asynchronously; Tomcat then dispatches the request a second time to finish
        // it. That dispatch cannot come from a client: it follows a request these rules already let in (and the
        // platform's token filter, running once per request, does not authenticate it again).
        routes.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
        routes.requestMatchers(HttpMethod.GET, "/api/v1/settlements/payments/*", "/api/v1/settlements/daily",
                        "/api/v1/settlements/monthly").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/reconciliations",
                        "/api/v1/settlements/mismatches").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.POST, "/api/v1/settlements/reconciliations").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/export.xlsx").hasRole(Roles.SERVICE);
    }
}
