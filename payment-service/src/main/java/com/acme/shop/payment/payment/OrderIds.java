package com.acme.shop.payment.payment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Our orderIds: 128 random bits from a CSPRNG, base64url without padding = 22 chars of
 * {@code [A-Za-z0-9_-]}, inside Toss's 6-64 rule. Unguessable, so nobody can confirm or read a
 * payment by trying ids.
 */
public final class OrderIds {

    public static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{6,64}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
