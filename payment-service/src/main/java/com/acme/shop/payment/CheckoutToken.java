package com.acme.shop.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret that binds a checkout to the customer who made it: 256 random bits, returned once by checkout and kept
 * by the storefront page, presented as {@value #HEADER} to confirm, abandon or read the payment. Only its SHA-256 is
 * stored, so the database never holds a usable token.
 *
 * @param value the token itself (only ever in the checkout's answer)
 * @param hash  what the payment row keeps
 */
public record CheckoutToken(String value, String hash) {

    public static final String HEADER = "X-Checkout-Token";
    /** 32 bytes in base64url without padding. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CheckoutToken issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new CheckoutToken(value, hash(value));
    }

    /** The stored form of a presented token; null when what was presented cannot be a token at all. */
    public static String hash(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Whether a presented token opens a payment whose row keeps {@code storedHash}: constant-time. A checkout from
     * before tokens existed (no stored hash) opens to anyone who knows its orderId, as it always did.
     */
    public static boolean opens(String storedHash, String presented) {
        if (storedHash == null) {
            return true;
        }
        String hash = hash(presented);
        return hash != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }
}
