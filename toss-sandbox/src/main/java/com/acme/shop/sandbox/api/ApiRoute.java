package com.acme.shop.sandbox.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Toss operation a request addresses, and the ids its path carries. Filters need this before Spring MVC has
 * matched a handler, so the few Toss paths are recognised here by hand.
 */
public record ApiRoute(ApiEndpoint endpoint, String paymentKey, String orderId) {

    private static final String PREFIX = "/v1/";

    /** The browser SDK script; it shares the {@code /v1} prefix with the API but is not an API call. */
    private static final String SDK_SCRIPT = "/v1/payment";

    private static final Pattern CANCEL = Pattern.compile("/v1/payments/([^/]+)/cancel");

    private static final Pattern BY_ORDER = Pattern.compile("/v1/payments/orders/([^/]+)");

    private static final Pattern BY_KEY = Pattern.compile("/v1/payments/([^/]+)");

    public static boolean isApiPath(String path) {
        return path.startsWith(PREFIX) && !path.equals(SDK_SCRIPT);
    }

    public static ApiRoute parse(String method, String path) {
        if ("POST".equals(method)) {
            if (path.equals("/v1/payments/confirm")) {
                return new ApiRoute(ApiEndpoint.CONFIRM, null, null);
            }
            Matcher cancel = CANCEL.matcher(path);
            if (cancel.matches()) {
                return new ApiRoute(ApiEndpoint.CANCEL, cancel.group(1), null);
            }
        }
        if ("GET".equals(method)) {
            Matcher byOrder = BY_ORDER.matcher(path);
            if (byOrder.matches()) {
                return new ApiRoute(ApiEndpoint.QUERY, null, byOrder.group(1));
            }
            Matcher byKey = BY_KEY.matcher(path);
            if (byKey.matches()) {
                return new ApiRoute(ApiEndpoint.QUERY, byKey.group(1), null);
            }
        }
        return new ApiRoute(ApiEndpoint.OTHER, null, null);
    }

}
