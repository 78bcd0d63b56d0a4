package com.acme.shop.payment.gateway;

/**
 * What the browser needs to open the PG's payment window: the client key (safe to publish) and the address of the
 * PG's script (Toss's SDK in production, the sandbox's imitation locally).
 */
public record PaymentWindow(String clientKey, String scriptUrl) {

    /** True when the script is not the real PG's, i.e. the local sandbox is the PG. */
    public boolean sandbox() {
        return !java.net.URI.create(scriptUrl).getHost().endsWith("tosspayments.com");
    }
}
