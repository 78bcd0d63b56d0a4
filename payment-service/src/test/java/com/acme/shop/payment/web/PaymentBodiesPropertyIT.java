package com.acme.shop.payment.web;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.payment.PaymentServiceApplication;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.security.JsonBodyArbitraries;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Property-based fuzz of payment-service's JSON bodies (jqwik): bodies derived from a valid checkout, confirm and
 * webhook by random removals, type swaps, hostile strings and numbers, extra fields and broken JSON, so a field added
 * to a request record is fuzzed without anyone adding table rows. A generated body may happen to be valid; each must
 * be handled: a 2xx, or a 4xx problem with a code. Never a 5xx. jqwik runs outside Spring's test support, so this
 * class starts payment-service itself, beside the sandbox and catalog stub of the other integration tests.
 */
class PaymentBodiesPropertyIT {

    static final String CHECKOUT = "{\"customerId\":\"customer-1\",\"items\":[{\"productId\":\"MUG\",\"quantity\":1}],"
            + "\"refundAccount\":{\"bankCode\":\"88\",\"accountNumber\":\"11012345678\",\"holderName\":\"김토스\"}}";
    static final String WEBHOOK = "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"createdAt\":\"2026-11-30T12:00:00.000000\","
            + "\"data\":{\"orderId\":\"unknown-order-1\",\"paymentKey\":\"pk_0123456789\",\"status\":\"DONE\"}}";

    static final ConfigurableApplicationContext PAYMENT = start();
    static final String BASE = "http://127.0.0.1:" + PAYMENT.getEnvironment().getProperty("local.server.port");
    static final RawHttp HTTP = RawHttp.to(BASE);
    /** One checkout whose confirm the generated bodies are derived from (and sent with its token). */
    static final JsonNode ORDER = checkout();
    /** A paid order the generated refund bodies are sent for, as an operator through admin-service. */
    static final String PAID = paid();
    static final Map<String, String> OPERATOR = Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN,
            "X-Operator", "fuzz.operator");

    private static ConfigurableApplicationContext start() {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        return PaymentServiceApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + infra.jdbcUrl("payment_service"),
                "--spring.datasource.username=" + infra.username(), "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--payment.toss.base-url=" + AbstractPaymentIT.SANDBOX_URL,
                "--shop.services.order-url=" + AbstractPaymentIT.catalogUrl(),
                "--shop.services.settlement-url=" + AbstractPaymentIT.catalogUrl(),
                "--shop.security.service-token=" + TestInfrastructure.SERVICE_TOKEN,
                "--shop.security.scrape-token=" + TestInfrastructure.SCRAPE_TOKEN);
    }

    private static JsonNode checkout() {
        JsonNode checkout = Http.post(BASE + "/api/v1/payments/checkout", Map.of("customerId", "customer-1", "items",
                List.of(Map.of("productId", "MUG", "quantity", 1)))).body();
        String paymentKey = AbstractPaymentIT.authenticateAtSandbox(checkout);
        return Http.JSON.createObjectNode().put("orderId", checkout.get("orderId").asString())
                .put("token", checkout.get("checkoutToken").asString()).put("paymentKey", paymentKey);
    }

    private static String paid() {
        JsonNode checkout = Http.post(BASE + "/api/v1/payments/checkout", Map.of("customerId", "customer-1", "items",
                List.of(Map.of("productId", "TSHIRT", "quantity", 2)))).body();
        String orderId = checkout.get("orderId").asString();
        Http.Response confirm = Http.post(BASE + "/api/v1/payments/confirm", Map.of("paymentKey",
                AbstractPaymentIT.authenticateAtSandbox(checkout), "orderId", orderId, "amount", 30_000),
                Map.of("X-Checkout-Token", checkout.get("checkoutToken").asString()));
        if (confirm.status() != 200) {
            throw new AssertionError("could not pay the fuzz order: " + confirm.raw());
        }
        return orderId;
    }

    @AfterContainer
    static void stop() {
        PAYMENT.close();
    }

    static void assertHandled(String label, RawHttp.Request request) {
        Refusals handled = new Refusals(StateSnapshot.NONE);
        handled.expectHandled(label, () -> HTTP.send(request));
        handled.assertAllRefused();
    }

    @Property(tries = 300, seed = "20261130")
    void anyCheckoutBodyIsHandled(@ForAll("checkouts") String body) {
        assertHandled("checkout " + body, RawHttp.Request.json("POST", "/api/v1/payments/checkout", body));
    }

    @Property(tries = 300, seed = "20261130")
    void anyConfirmBodyIsHandled(@ForAll("confirms") String body) {
        assertHandled("confirm " + body, RawHttp.Request.json("POST", "/api/v1/payments/confirm", body)
                .withHeaders(Map.of("X-Checkout-Token", ORDER.get("token").asString())));
    }

    @Property(tries = 200, seed = "20261130")
    void anyWebhookBodyIsHandled(@ForAll("webhooks") String body) {
        assertHandled("webhook " + body, RawHttp.Request.json("POST", "/api/v1/webhooks/toss", body));
    }

    @Property(tries = 200, seed = "20261130")
    void anyRefundBodyIsHandled(@ForAll("refunds") String body) {
        assertHandled("refund " + body, RawHttp.Request.json("POST", "/api/v1/payments/" + PAID + "/refunds", body)
                .withHeaders(OPERATOR));
    }

    @Provide
    Arbitrary<String> refunds() {
        // small amounts, so that the valid bodies among the generated ones leave balance for the others
        return JsonBodyArbitraries.bodiesFrom("{\"requestId\":\"6f1c2b9e-7a41-4d0e-9c55-2f8b1e4a7d30\",\"amount\":10,"
                + "\"reason\":\"고객 변심\",\"refundAccount\":{\"bankCode\":\"20\",\"accountNumber\":\"1002123456789\","
                + "\"holderName\":\"박고객\"}}");
    }

    @Provide
    Arbitrary<String> checkouts() {
        return JsonBodyArbitraries.bodiesFrom(CHECKOUT);
    }

    @Provide
    Arbitrary<String> confirms() {
        return JsonBodyArbitraries.bodiesFrom("{\"paymentKey\":\"" + ORDER.get("paymentKey").asString()
                + "\",\"orderId\":\"" + ORDER.get("orderId").asString() + "\",\"amount\":9000}");
    }

    @Provide
    Arbitrary<String> webhooks() {
        return JsonBodyArbitraries.bodiesFrom(WEBHOOK);
    }
}
