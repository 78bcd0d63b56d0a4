package com.acme.shop.payment.payment;

import com.acme.shop.payment.toss.TossProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where Toss sends the customer back to, and the client key the browser opens the window with. */
@Component
public class StorefrontUrls {

    private final String baseUrl;
    private final TossProperties toss;

    StorefrontUrls(@Value("${shop.storefront.base-url}") String baseUrl, TossProperties toss) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.toss = toss;
    }

    public String successUrl() {
        return baseUrl + "/success.html";
    }

    public String failUrl() {
        return baseUrl + "/fail.html";
    }

    public String clientKey() {
        return toss.clientKey();
    }

    public String jsSdkUrl() {
        return toss.jsSdkUrl();
    }
}
