package com.acme.shop.testsupport.security;

import java.util.Map;

/** Who a request claims to be: a name for messages and the headers that say it ({@link #ANONYMOUS} sends none). */
public record Credential(String name, Map<String, String> headers) {

    public static final Credential ANONYMOUS = new Credential("anonymous", Map.of());

    public Credential {
        headers = Map.copyOf(headers);
    }

    /** {@code Authorization: Bearer <token>}. */
    public static Credential bearer(String name, String token) {
        return new Credential(name, Map.of("Authorization", "Bearer " + token));
    }
}
