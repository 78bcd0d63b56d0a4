package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WindowIT extends SandboxIntegrationTest {

    @Test
    void rendersTheWindowInKorean() throws Exception {
        String orderId = newOrderId();

        Response page = get("/sandbox/window?" + query(windowParams(orderId, "https://shop.example/success")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
        assertThat(page.body()).contains("35,000원", "토스 티셔츠", "카드", "토스 샌드박스 상점", "id=\"approve\"",
                "id=\"decline\"", "id=\"cancel\"", "결제 승인", "카드 거절", "취소");
    }

    @Test
    void showsAnErrorPageForUnknownClientKey() throws Exception {
        Map<String, String> params = windowParams(newOrderId(), "https://shop.example/success");
        params.put("clientKey", "test_ck_unknown");

        Response page = get("/sandbox/window?" + query(params));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("INVALID_CLIENT_KEY");
    }

    @Test
    void showsAnErrorPageForMissingParameters() throws Exception {
        Map<String, String> params = windowParams(newOrderId(), "https://shop.example/success");
        params.remove("failUrl");
        params.remove("amount");

        Response page = get("/sandbox/window?" + query(params));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("INVALID_REQUEST", "amount", "failUrl");
    }

    @Test
    void approvesAndRedirectsToSuccessUrlWithThePaymentKey() throws Exception {
        String orderId = newOrderId();

        Response redirect = postForm("/sandbox/window/approve",
                query(windowParams(orderId, "https://shop.example/success?cart=7")));

        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.location());
        assertThat(location.getPath()).isEqualTo("/success");
        Map<String, String> query = decode(location.getRawQuery());
        assertThat(query).containsEntry("cart", "7").containsEntry("orderId", orderId)
            .containsEntry("amount", "35000").containsEntry("paymentType", "NORMAL").containsKey("paymentKey");
        String paymentKey = query.get("paymentKey");
        assertThat(stored(paymentKey).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(confirm(new Created(paymentKey, orderId, 35000)).json().get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void redirectsToFailUrlWhenTheCardCompanyDeclines() throws Exception {
        String orderId = newOrderId();

        Response redirect = postForm("/sandbox/window/decline",
                query(windowParams(orderId, "https://shop.example/success")));

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).startsWith("https://shop.example/fail?");
        Map<String, String> query = decode(URI.create(redirect.location()).getRawQuery());
        assertThat(query).containsEntry("code", "REJECT_CARD_COMPANY").containsEntry("orderId", orderId);
        assertThat(query.get("message")).isEqualTo("결제 승인이 거절되었습니다.");
    }

    @Test
    void redirectsToFailUrlWithoutOrderIdWhenTheCustomerCancels() throws Exception {
        Response redirect = postForm("/sandbox/window/cancel",
                query(windowParams(newOrderId(), "https://shop.example/success")));

        assertThat(redirect.status()).isEqualTo(302);
        Map<String, String> query = decode(URI.create(redirect.location()).getRawQuery());
        assertThat(query).containsEntry("code", "PAY_PROCESS_CANCELED").doesNotContainKey("orderId");
        assertThat(query.get("message")).isEqualTo("사용자에 의해 결제가 취소되었습니다.");
    }

    @Test
    void redirectsToFailUrlWhenTheOrderIdIsTaken() throws Exception {
        Created existing = createPayment(1000);

        Response redirect = postForm("/sandbox/window/approve",
                query(windowParams(existing.orderId(), "https://shop.example/success")));

        assertThat(decode(URI.create(redirect.location()).getRawQuery())).containsEntry("code", "DUPLICATED_ORDER_ID");
    }

    @Test
    void servesTheBrowserSdkWithTheSandboxOrigin() throws Exception {
        Response direct = get("/v1/payment");
        Response proxied = get("/v1/payment", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "pay.example.com");

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.contentType()).startsWith("application/javascript");
        assertThat(direct.body()).contains("window.TossPayments", "requestPayment", "/sandbox/window?",
                "\"http://localhost:" + port + "\"");
        assertThat(proxied.body()).contains("\"https://pay.example.com\"");
        assertThat(get("/sandbox/calls?path=/v1/payment").body()).doesNotContain("\"/v1/payment\"");
    }

    private static Map<String, String> windowParams(String orderId, String successUrl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("clientKey", CLIENT_KEY);
        params.put("method", "카드");
        params.put("amount", "35000");
        params.put("orderId", orderId);
        params.put("orderName", "토스 티셔츠 외 2건");
        params.put("customerName", "박토스");
        params.put("successUrl", successUrl);
        params.put("failUrl", "https://shop.example/fail");
        return params;
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

}
