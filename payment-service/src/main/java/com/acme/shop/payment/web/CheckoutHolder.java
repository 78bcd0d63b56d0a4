package com.acme.shop.payment.web;

import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.security.SecurityAutoConfiguration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

/**
 * The door of a customer's own payment: open to whoever presents the checkout's token ({@code X-Checkout-Token}) for
 * the {@code {orderId}} of the path. Anyone else is answered 404 {@code PAYMENT_NOT_FOUND}, the same as for an
 * order that does not exist, so the door says nothing about which orderIds are real.
 */
@Component
class CheckoutHolder implements AuthorizationManager<RequestAuthorizationContext> {

    private final Payments payments;

    CheckoutHolder(Payments payments) {
        this.payments = payments;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        String orderId = context.getVariables().get("orderId");
        boolean holder = Payment.isOrderId(orderId) && opens(orderId,
                context.getRequest().getHeader(CheckoutToken.HEADER));
        if (!holder) {
            context.getRequest().setAttribute(SecurityAutoConfiguration.DENIED_AS_NOT_FOUND, "PAYMENT_NOT_FOUND");
        }
        return new AuthorizationDecision(holder);
    }

    private boolean opens(String orderId, String presented) {
        List<String> stored = payments.checkoutTokenHashOf(orderId);
        return !stored.isEmpty() && CheckoutToken.opens(stored.getFirst(), presented);
    }
}
