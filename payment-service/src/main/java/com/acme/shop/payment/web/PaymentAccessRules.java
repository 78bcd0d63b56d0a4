package com.acme.shop.payment.web;

import com.acme.shop.platform.security.AccessRules;
import com.acme.shop.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Every door of payment-service and who may pass it (docs/security.md). Before these the platform opens the health
 * probes and gives the rest of actuator to services and the scraper; after them everything is denied.
 *
 * <ul>
 *   <li>the storefront (anyone): its pages, its configuration and products, checkout, and the confirm, which proves
 *       the checkout's token itself (the orderId is in the body);</li>
 *   <li>the customer who checked out (the checkout's token): abandon, read the payment, follow the order's
 *       progress;</li>
 *   <li>Toss: the webhook endpoint (nothing in a webhook is trusted: the payment is re-read from Toss);</li>
 *   <li>services (the service token): operators' reads and actions through admin-service, which signs operators in
 *       and checks their role before it calls; actions name the operator ({@code X-Operator}) for the record.</li>
 * </ul>
 */
@Component
class PaymentAccessRules implements AccessRules {

    private final CheckoutHolder checkoutHolder;

    PaymentAccessRules(CheckoutHolder checkoutHolder) {
        this.checkoutHolder = checkoutHolder;
    }

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        AuthorizationManager<RequestAuthorizationContext> holderOrService = AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole(Roles.SERVICE), checkoutHolder);
        routes
                // storefront: the demo pages and what they load
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/success.html", "/fail.html", "/shop.js",
                        "/style.css", "/favicon.ico").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/storefront/config", "/api/v1/storefront/products").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/checkout").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/confirm").permitAll()
                // operators, through admin-service (before the customer's read: "search" would match {orderId})
                .requestMatchers(HttpMethod.GET, "/api/v1/payments/search", "/api/v1/payments/queues",
                        "/api/v1/payments/stats").hasRole(Roles.SERVICE)
                // the customer who checked out
                .requestMatchers(HttpMethod.GET, "/api/v1/storefront/orders/{orderId}/progress").access(checkoutHolder)
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/{orderId}/fail").access(checkoutHolder)
                .requestMatchers(HttpMethod.GET, "/api/v1/payments/{orderId}").access(holderOrService)
                // Toss
                .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/toss").permitAll()
                // operators, through admin-service
                .requestMatchers(HttpMethod.GET, "/api/v1/payments", "/api/v1/payments/{orderId}/details",
                        "/api/v1/payments/{orderId}/refunds", "/api/v1/refunds", "/api/v1/webhooks",
                        "/api/v1/webhooks/{id}").hasRole(Roles.SERVICE)
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/{orderId}/refunds",
                        "/api/v1/payments/{orderId}/recheck", "/api/v1/refunds/{requestId}/retry",
                        "/api/v1/webhooks/{id}/reprocess").hasRole(Roles.SERVICE);
    }
}
