package com.acme.shop.testsupport.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One door of a service as a test knocks on it: the method, the route as the service declares it ({@code template},
 * for messages and route tables), the concrete target with sample values filled in (path and optional query, sent
 * verbatim), and an optional JSON body that would be valid for it.
 *
 * <pre>{@code
 * Route.of("PUT", "/internal/v1/products/{productId}/stock", "{\"stock\":1}", "STICKER-PACK")
 * Route.get("/api/v1/orders?customerId={customerId}", "customer-1001")
 * }</pre>
 */
public record Route(String method, String template, String target, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}/]+}");

    public Route {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("a target starts with '/': " + target);
        }
    }

    /** Fills the template's {@code {placeholders}} with {@code samples}, in order. */
    public static Route of(String method, String template, String body, String... samples) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder target = new StringBuilder();
        int used = 0;
        while (matcher.find()) {
            if (used == samples.length) {
                throw new IllegalArgumentException("no sample value for " + matcher.group() + " in " + template);
            }
            matcher.appendReplacement(target, Matcher.quoteReplacement(samples[used++]));
        }
        matcher.appendTail(target);
        if (used != samples.length) {
            throw new IllegalArgumentException(samples.length + " samples for " + used + " placeholders in " + template);
        }
        return new Route(method, template, target.toString(), body);
    }

    public static Route get(String template, String... samples) {
        return of("GET", template, null, samples);
    }

    public static Route post(String template, String body, String... samples) {
        return of("POST", template, body, samples);
    }

    public static Route put(String template, String body, String... samples) {
        return of("PUT", template, body, samples);
    }

    /** The target's path, without the query. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The target's query with its {@code ?}, or an empty string. */
    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query);
    }

    /** The raw request for this route at {@code target} (a bypass spelling of it, say). */
    public RawHttp.Request request(String requestTarget) {
        return body == null ? RawHttp.Request.of(method, requestTarget)
                : RawHttp.Request.json(method, requestTarget, body);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
