package com.acme.shop.chaos.run;

import com.acme.shop.chaos.http.Http;
import com.acme.shop.chaos.system.ChaosSystem;
import com.acme.shop.chaos.system.Service;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The system's public doors as the storefront page, Toss's window and an operator use them. */
final class Shop {

    final ChaosSystem system;
    final Http http = new Http(Duration.ofSeconds(60));
    final Map<String, String> asService;

    Shop(ChaosSystem system) {
        this.system = system;
        this.asService = Map.of("Authorization", "Bearer " + system.serviceToken());
    }

    String payment() {
        return system.url(Service.PAYMENT);
    }

    String sandbox() {
        return system.url(Service.SANDBOX);
    }

    /** A checkout, retried like a customer who reloads while the shop is down; null when it never answered 201. */
    Http.Response checkout(String customerId, List<Map<String, Object>> items, boolean virtualAccount) {
        Map<String, Object> body = virtualAccount
                ? Map.of("customerId", customerId, "items", items,
                        "refundAccount", Map.of("bankCode", "88", "accountNumber", "11012345678", "holderName", "김토스"))
                : Map.of("customerId", customerId, "items", items);
        Http.Response r = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            r = http.post(payment() + "/api/v1/payments/checkout", body, Map.of());
            if (r.status() == 201 || (r.status() >= 400 && r.status() < 500)) {
                return r;
            }
            sleep(1000);
        }
        return r;
    }

    /** The customer authenticates in Toss's window (the sandbox); the paymentKey successUrl would carry. */
    String payInWindow(JsonNode checkout, String method) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Http.Response r = http.post(sandbox() + "/sandbox/payments", Map.of(
                    "orderId", checkout.get("orderId").asString(), "amount", checkout.get("amount").asLong(),
                    "orderName", checkout.get("orderName").asString(), "method", method), Map.of());
            if (r.ok()) {
                return r.text("paymentKey");
            }
            sleep(500);
        }
        return null;
    }

    /**
     * successUrl's confirm. A browser that got no answer (service killed, 502/503) reloads the success page, which
     * confirms again: up to 4 tries.
     */
    Http.Response confirm(String paymentKey, String orderId, long amount, String checkoutToken) {
        Http.Response r = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            r = http.post(payment() + "/api/v1/payments/confirm",
                    Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount),
                    Map.of("X-Checkout-Token", checkoutToken));
            if (r.status() != -1 && r.status() != 502 && r.status() != 503 && r.status() != 500) {
                return r;
            }
            sleep(2000);
        }
        return r;
    }

    Http.Response failRedirect(String orderId, String checkoutToken) {
        return http.post(payment() + "/api/v1/payments/" + orderId + "/fail",
                Map.of("code", "PAY_PROCESS_CANCELED", "message", "사용자에 의해 결제가 취소되었습니다"),
                Map.of("X-Checkout-Token", checkoutToken));
    }

    Http.Response deposit(String paymentKey) {
        return http.post(sandbox() + "/sandbox/payments/" + paymentKey + "/deposit", Map.of(), Map.of());
    }

    Http.Response paymentView(String orderId) {
        return http.get(payment() + "/api/v1/payments/" + orderId, asService);
    }

    Http.Response operatorRefund(String orderId, String requestId, long amount) {
        return http.post(payment() + "/api/v1/payments/" + orderId + "/refunds",
                Map.of("requestId", requestId, "amount", amount, "reason", "카오스 테스트 부분 환불"),
                Map.of("Authorization", "Bearer " + system.serviceToken(), "X-Operator", "chaos-operator"));
    }

    Http.Response setStock(String productId, long stock) {
        return http.put(system.url(Service.ORDER) + "/internal/v1/products/" + productId + "/stock",
                Map.of("stock", stock), asService);
    }

    Http.Response products() {
        return http.get(payment() + "/api/v1/storefront/products", Map.of());
    }

    /** Adds a Toss fault for one order (sandbox's /sandbox/faults). */
    void fault(Map<String, Object> spec) {
        http.post(sandbox() + "/sandbox/faults", spec, Map.of());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
