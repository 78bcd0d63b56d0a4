package com.acme.shop.e2e;

import com.acme.shop.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both saga paths across all services, driven the way the storefront and the customer drive them:
 * products -> checkout -> the customer authenticates in the (sandbox) payment window -> confirm, then
 * the order, the settlement, the admin timeline and Toss's own view are checked.
 */
class SagaEndToEndIT {

    static final Duration SAGA_DEADLINE = Duration.ofSeconds(30);

    final LocalSystem system = LocalSystem.get();

    @Test
    void happyPathCreatesTheOrderAndItsSettlement() {
        // given: the catalog as the storefront sees it
        JsonNode products = Http.get(system.payment + "/api/v1/storefront/products").body();
        assertThat(products.findValuesAsString("productId")).contains("TSHIRT-BLK-M", "MUG-WHT");
        long stockBefore = stock("TSHIRT-BLK-M");

        // when: checkout, pay in the window, confirm
        JsonNode checkout = checkout(Map.of("productId", "TSHIRT-BLK-M", "quantity", 2),
                Map.of("productId", "MUG-WHT", "quantity", 1));
        String orderId = checkout.get("orderId").asString();
        assertThat(checkout.get("amount").asLong()).isEqualTo(39_000);
        String paymentKey = payInWindow(checkout);
        Http.Response confirm = Http.post(system.payment + "/api/v1/payments/confirm",
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", 39_000), holder(checkout));

        // then
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body().get("status").asString()).isEqualTo("DONE");
        JsonNode order = awaitJson(system.order + "/api/v1/orders/" + orderId, o -> o.get("status").asString().equals("CREATED"));
        assertThat(order.get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(order.get("paymentKey").asString()).isEqualTo(paymentKey);
        assertThat(order.get("items")).hasSize(2);
        assertThat(stock("TSHIRT-BLK-M")).isEqualTo(stockBefore - 2);

        JsonNode settlement = awaitJson(system.settlement + "/api/v1/settlements/payments/" + orderId, s -> true);
        assertThat(settlement.get("grossAmount").asLong()).isEqualTo(39_000);
        assertThat(settlement.get("feeAmount").asLong()).isPositive();
        assertThat(settlement.get("netAmount").asLong()).isEqualTo(39_000 - settlement.get("feeAmount").asLong()
                - settlement.get("vatAmount").asLong());

        JsonNode saga = awaitJson(system.admin + "/api/v1/admin/sagas/" + orderId,
                s -> s.get("status").asString().equals("COMPLETED"));
        assertThat(saga.get("steps").findValuesAsString("eventType")).containsExactly("PAYMENT_APPROVED", "ORDER_CREATED");

        JsonNode atToss = Http.get(system.sandbox + "/sandbox/payments/" + paymentKey).body();
        assertThat(atToss.get("status").asString()).isEqualTo("DONE");
        assertThat(atToss.get("balanceAmount").asLong()).isEqualTo(39_000);

        JsonNode progress = Http.get(system.payment + "/api/v1/storefront/orders/" + orderId + "/progress",
                holder(checkout)).body();
        // the customer's progress is theirs alone: knowing the orderId is not enough
        assertThat(Http.get(system.payment + "/api/v1/storefront/orders/" + orderId + "/progress").status())
                .isEqualTo(404);
        assertThat(progress.get("order").get("status").asString()).isEqualTo("CREATED");
        assertThat(progress.get("settlement").get("grossAmount").asLong()).isEqualTo(39_000);
    }

    @Test
    void stockGoneBeforeApprovalIsRefundedAtTossAndOwesNothing() {
        // given: a checkout of the last hoodie, then the stock runs out before the customer pays
        setStock("HOODIE-LTD", 1);
        JsonNode checkout = checkout(Map.of("productId", "HOODIE-LTD", "quantity", 1));
        String orderId = checkout.get("orderId").asString();
        setStock("HOODIE-LTD", 0);

        // when
        String paymentKey = payInWindow(checkout);
        Http.Response confirm = Http.post(system.payment + "/api/v1/payments/confirm",
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", 59_000), holder(checkout));
        assertThat(confirm.status()).isEqualTo(200);

        // then: the order failed, the money went back at Toss, and every service agrees
        JsonNode order = awaitJson(system.order + "/api/v1/orders/" + orderId, o -> o.get("status").asString().equals("CANCELED"));
        assertThat(order.get("failureReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.get("refundedAmount").asLong()).isEqualTo(59_000);

        JsonNode payment = awaitJson(system.payment + "/api/v1/payments/" + orderId,
                p -> p.get("status").asString().equals("CANCELED"));
        assertThat(payment.get("balanceAmount").asLong()).isZero();

        JsonNode atToss = Http.get(system.sandbox + "/sandbox/payments/" + paymentKey).body();
        assertThat(atToss.get("status").asString()).isEqualTo("CANCELED");
        assertThat(atToss.get("balanceAmount").asLong()).isZero();
        assertThat(atToss.get("cancels")).hasSize(1);
        assertThat(atToss.get("cancels").get(0).get("cancelReason").asString()).contains("재고 부족");

        JsonNode settlement = awaitJson(system.settlement + "/api/v1/settlements/payments/" + orderId,
                s -> s.get("entries").size() == 2);
        assertThat(settlement.get("grossAmount").asLong()).isEqualTo(59_000);
        assertThat(settlement.get("canceledAmount").asLong()).isEqualTo(59_000);
        assertThat(settlement.get("netAmount").asLong()).isZero();
        assertThat(settlement.get("feeAmount").asLong()).isZero();
        assertThat(settlement.get("vatAmount").asLong()).isZero();

        JsonNode saga = awaitJson(system.admin + "/api/v1/admin/sagas/" + orderId,
                s -> s.get("status").asString().equals("COMPENSATED"));
        assertThat(saga.get("steps").findValuesAsString("eventType"))
                .containsExactly("PAYMENT_APPROVED", "ORDER_CREATION_FAILED", "PAYMENT_CANCELED");
        assertThat(stock("HOODIE-LTD")).isZero();
    }

    @Test
    void aVirtualAccountDepositArrivesByWebhookAndStartsTheSaga() {
        // given: a virtual-account payment; confirm issues the account and nothing is owed yet
        Http.Response created = Http.post(system.payment + "/api/v1/payments/checkout", Map.of("customerId", "e2e-va",
                "items", List.of(Map.of("productId", "ECOBAG-NAT", "quantity", 1)),
                "refundAccount", Map.of("bankCode", "88", "accountNumber", "11012345678", "holderName", "김토스")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String orderId = created.body().get("orderId").asString();
        String paymentKey = Http.post(system.sandbox + "/sandbox/payments", Map.of("orderId", orderId,
                "amount", 12_000, "orderName", "토스 에코백", "method", "가상계좌")).body().get("paymentKey").asString();
        Http.Response confirm = Http.post(system.payment + "/api/v1/payments/confirm",
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", 12_000), holder(created.body()));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body().get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(Http.get(system.order + "/api/v1/orders/" + orderId, Http.AS_SERVICE).status()).isEqualTo(404);

        // when: the customer deposits; Toss (the sandbox) sends DEPOSIT_CALLBACK and PAYMENT_STATUS_CHANGED
        assertThat(Http.post(system.sandbox + "/sandbox/payments/" + paymentKey + "/deposit", Map.of()).status())
                .isEqualTo(200);

        // then
        awaitJson(system.payment + "/api/v1/payments/" + orderId, p -> p.get("status").asString().equals("DONE"));
        JsonNode order = awaitJson(system.order + "/api/v1/orders/" + orderId,
                o -> o.get("status").asString().equals("CREATED"));
        assertThat(order.get("totalAmount").asLong()).isEqualTo(12_000);
        JsonNode settlement = awaitJson(system.settlement + "/api/v1/settlements/payments/" + orderId, s -> true);
        assertThat(settlement.get("method").asString()).isEqualTo("가상계좌");
        assertThat(settlement.get("grossAmount").asLong()).isEqualTo(12_000);
        awaitJson(system.admin + "/api/v1/admin/sagas/" + orderId, s -> s.get("status").asString().equals("COMPLETED"));
    }

    @Test
    void theStorefrontPagesAndEveryHealthEndpointAreUp() {
        for (String service : List.of(system.payment, system.order, system.settlement, system.admin, system.sandbox)) {
            Http.Response health = Http.get(service + "/actuator/health");
            assertThat(health.status()).as(service).isEqualTo(200);
            assertThat(health.body().get("status").asString()).isEqualTo("UP");
        }
        for (String service : List.of(system.payment, system.order, system.settlement, system.admin)) {
            // the components are for services and the scraper, not for anyone
            assertThat(Http.get(service + "/actuator/health").body().has("components")).as(service).isFalse();
            JsonNode components = Http.get(service + "/actuator/health", Http.AS_SCRAPER).body().get("components");
            assertThat(components.get("db").get("status").asString()).as(service).isEqualTo("UP");
            assertThat(components.get("kafka").get("status").asString()).as(service).isEqualTo("UP");
        }
        assertThat(Http.get(system.payment + "/").raw()).contains("토스 굿즈샵");
        assertThat(Http.get(system.payment + "/success.html").status()).isEqualTo(200);
        assertThat(Http.get(system.payment + "/fail.html").status()).isEqualTo(200);
        JsonNode config = Http.get(system.payment + "/api/v1/storefront/config").body();
        assertThat(config.get("sandbox").asBoolean()).isTrue();
        Http.Response console = Http.get(system.admin + "/");
        assertThat(console.status()).isIn(200, 302); // the sign-in page, or a redirect to it
        assertThat(Http.get(system.admin + "/login").raw()).contains("로그인");
        assertThat(Http.get(system.sandbox + "/v1/payment").raw()).contains("TossPayments");
    }

    private JsonNode checkout(Map<?, ?>... items) {
        Http.Response r = Http.post(system.payment + "/api/v1/payments/checkout",
                Map.of("customerId", "e2e-customer", "items", List.of(items)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** The customer approves in the payment window; the sandbox hands back what Toss gives successUrl. */
    private String payInWindow(JsonNode checkout) {
        Http.Response r = Http.post(system.sandbox + "/sandbox/payments", Map.of(
                "orderId", checkout.get("orderId").asString(), "amount", checkout.get("amount").asLong(),
                "orderName", checkout.get("orderName").asString(), "method", "카드"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("paymentKey").asString();
    }

    private long stock(String productId) {
        return Http.get(system.order + "/api/v1/products/" + productId).body().get("stock").asLong();
    }

    private void setStock(String productId, int stock) {
        Http.Response r = Http.put(system.order + "/internal/v1/products/" + productId + "/stock", Map.of("stock", stock),
                Http.AS_SERVICE);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    /** The customer who checked out: the checkout's token, as the storefront page keeps it. */
    private static Map<String, String> holder(JsonNode checkout) {
        return Map.of("X-Checkout-Token", checkout.get("checkoutToken").asString());
    }

    /** Reads as an operator would through admin-service: with the service token. */
    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(SAGA_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Response r = Http.get(url, Http.AS_SERVICE);
            if (r.status() == 200 && ready.test(r.body())) {
                last.set(r.body());
                return true;
            }
            return false;
        });
        return last.get();
    }
}
