package com.acme.shop.settlement;

import com.acme.shop.platform.security.AccessRules;
import com.acme.shop.platform.security.Roles;
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
        routes.requestMatchers(HttpMethod.GET, "/api/v1/settlements/payments/*", "/api/v1/settlements/daily",
                        "/api/v1/settlements/monthly", "/api/v1/settlements/payouts/upcoming").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/reconciliations",
                        "/api/v1/settlements/mismatches").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.POST, "/api/v1/settlements/reconciliations").hasRole(Roles.SERVICE)
                // finance's decisions about a mismatch; the handler also requires X-Operator (who decided)
                .requestMatchers(HttpMethod.POST, "/api/v1/settlements/mismatches/*/resolve",
                        "/api/v1/settlements/mismatches/*/ignore").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/export.xlsx").hasRole(Roles.SERVICE)
                // the export as a job: started (with X-Operator, who asked), followed, and its file fetched
                .requestMatchers(HttpMethod.POST, "/api/v1/settlements/exports").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/exports", "/api/v1/settlements/exports/*",
                        "/api/v1/settlements/exports/*/file").hasRole(Roles.SERVICE);
    }
}
