package com.acme.shop.payment.checkout;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Our orderIds: 128 random bits from a CSPRNG, base64url without padding = 22 chars of {@code [A-Za-z0-9_-]}, inside
 * the PG's 6-64 rule. Unguessable, so nobody can confirm or read a payment by trying ids.
 */
final class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
