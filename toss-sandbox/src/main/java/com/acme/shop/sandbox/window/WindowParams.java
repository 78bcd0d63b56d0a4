package com.acme.shop.sandbox.window;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.acme.shop.sandbox.payment.PaymentMethod;

/**
 * What the browser SDK's {@code requestPayment(method, params)} passes to the window, as query parameters on the
 * first request and hidden form fields after that. Everything arrives as text and is checked by {@link #validate}.
 */
record WindowParams(String clientKey, String method, String amount, String orderId, String orderName,
        String customerName, String successUrl, String failUrl) {

    Checkout validate(Collection<String> clientKeys) {
        if (clientKey == null || !clientKeys.contains(clientKey)) {
            throw new TossException(TossErrorCode.INVALID_CLIENT_KEY);
        }
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, "amount", amount);
        addIfBlank(missing, "orderId", orderId);
        addIfBlank(missing, "orderName", orderName);
        addIfBlank(missing, "successUrl", successUrl);
        addIfBlank(missing, "failUrl", failUrl);
        if (!missing.isEmpty()) {
            throw invalid("필수 파라미터가 누락되었습니다: " + String.join(", ", missing));
        }
        long parsedAmount;
        try {
            parsedAmount = Long.parseLong(amount.trim());
        }
        catch (NumberFormatException notANumber) {
            throw invalid("amount는 숫자여야 합니다: " + amount);
        }
        return new Checkout(clientKey, PaymentMethod.parse(method), parsedAmount, orderId, orderName, customerName,
                absoluteUrl("successUrl", successUrl), absoluteUrl("failUrl", failUrl));
    }

    private static void addIfBlank(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    private static String absoluteUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return value;
            }
        }
        catch (URISyntaxException malformed) {
            // reported below
        }
        throw invalid(name + "는 http(s)로 시작하는 절대 URL이어야 합니다: " + value);
    }

    private static TossException invalid(String message) {
        return new TossException(TossErrorCode.INVALID_REQUEST, message);
    }

    /** Validated window parameters. */
    record Checkout(String clientKey, PaymentMethod method, long amount, String orderId, String orderName,
            String customerName, String successUrl, String failUrl) {
    }

}
