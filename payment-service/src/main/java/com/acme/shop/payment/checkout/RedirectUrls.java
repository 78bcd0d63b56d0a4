package com.acme.shop.payment.checkout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the PG sends the customer back to after the payment window: the storefront's success and fail pages. */
@Component
public class RedirectUrls {

    private final String baseUrl;

    RedirectUrls(@Value("${shop.storefront.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String successUrl() {
        return baseUrl + "/success.html";
    }

    public String failUrl() {
        return baseUrl + "/fail.html";
    }
}
