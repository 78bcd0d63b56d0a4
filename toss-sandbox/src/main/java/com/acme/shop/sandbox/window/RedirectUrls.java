package com.acme.shop.sandbox.window;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Appends URL-encoded (UTF-8) query parameters to a merchant's successUrl or failUrl, which may have a query already. */
final class RedirectUrls {

    private RedirectUrls() {
    }

    static String withQuery(String url, Map<String, String> parameters) {
        String query = parameters.entrySet()
            .stream()
            .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
            .collect(Collectors.joining("&"));
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + query + (fragment < 0 ? "" : url.substring(fragment));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
