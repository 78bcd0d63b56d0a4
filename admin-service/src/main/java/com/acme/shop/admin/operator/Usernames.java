package com.acme.shop.admin.operator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a username: lower-case ASCII letters, digits and {@code . _ @ -}, 3 to 64 characters. Other
 * services record it as {@code X-Operator} in their audit and accept only such names there, so nothing else is
 * ever created; what people type at sign-in is trimmed and lower-cased first.
 */
final class Usernames {

    static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9._@-]{3," + MAX_LENGTH + "}");

    private Usernames() {
    }

    /** The username as stored, or null when {@code typed} cannot be one. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String username = typed.strip().toLowerCase(Locale.ROOT);
        return VALID.matcher(username).matches() ? username : null;
    }

    /** @throws IllegalArgumentException naming the rule, when {@code username} is not a valid stored username */
    static String require(String username) {
        String normalised = normalise(username);
        if (normalised == null || !normalised.equals(username)) {
            throw new IllegalArgumentException("Username '" + username + "' is not allowed: use 3-" + MAX_LENGTH
                    + " lower-case ASCII letters, digits, '.', '_', '@' or '-'");
        }
        return username;
    }
}
