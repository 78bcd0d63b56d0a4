package com.acme.shop.payment.web;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.security.HostileInput;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of payment-service against a table of hostile input (wrong types, nested objects, non-ASCII,
 * over-long, negative, zero, fractional, huge, missing, extra fields, broken and oversized bodies, hostile path
 * segments and query values): each is a 4xx problem with a stable code, and no row of the service changed. Refused
 * confirms are written to the security trail; that is the point of the trail, so it is not part of "changed".
 */
class PaymentBadInputIT extends AbstractPaymentIT {

    static final Map<String, String> SERVICE = Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN);
    static final Map<String, String> OPERATOR = Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN,
            "X-Operator", "kim.operator");
    static final String CHECKOUT = "{\"customerId\":\"customer-1\",\"items\":[{\"productId\":\"MUG\",\"quantity\":1}]}";
    static final String CHECKOUT_WITH_REFUND_ACCOUNT = "{\"customerId\":\"customer-1\",\"items\":[{\"productId\":\"MUG\","
            + "\"quantity\":1}],\"refundAccount\":{\"bankCode\":\"88\",\"accountNumber\":\"11012345678\","
            + "\"holderName\":\"김토스\"}}";
    static final String FAIL = "{\"code\":\"PAY_PROCESS_CANCELED\",\"message\":\"사용자가 결제를 취소하였습니다\"}";
    static final String WEBHOOK = "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"createdAt\":\"2026-11-30T12:00:00.000000\","
            + "\"data\":{\"orderId\":\"unknown-order-1\",\"paymentKey\":\"pk_0123456789\",\"status\":\"DONE\"}}";

    @Autowired
    DataSource dataSource;

    RawHttp http;
    StateSnapshot state;

    @BeforeEach
    void setUp() {
        http = RawHttp.to(url(""));
        state = StateSnapshot.rowCounts(dataSource, "payment", "payment_order_mapping", "payment_cancel", "pg_request",
                "webhook_log", "outbox_event").and(dataSource, "statuses", "SELECT order_id, status FROM payment ORDER BY id");
        state.awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    RawHttp.Response post(String target, HostileInput.Body body, Map<String, String> headers) {
        return http.send(body.request("POST", target).withHeaders(headers));
    }

    @Test
    void checkoutRefusesEveryHostileBody() {
        Refusals refusals = new Refusals(state);
        for (String valid : List.of(CHECKOUT, CHECKOUT_WITH_REFUND_ACCOUNT)) {
            for (HostileInput.Body body : HostileInput.bodiesFrom(valid)) {
                // values that are simply valid here: a customer called "1", an account number of one digit, a Korean name
                if (body.replaces("/customerId", "number as string")
                        || body.replaces("/refundAccount/accountNumber", "number as string")
                        || body.replaces("/refundAccount/holderName", "non-ASCII string")
                        || body.replaces("/refundAccount", "null") || body.name().equals("/refundAccount missing")) {
                    continue;
                }
                refusals.expectRefused("checkout " + body, () -> post("/api/v1/payments/checkout", body, Map.of()));
            }
        }
        refusals.assertAllRefused();
        assertThat(refusals.checked()).isGreaterThan(200);
    }

    @Test
    void confirmRefusesEveryHostileBodyWithoutReachingToss() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        String valid = "{\"paymentKey\":\"" + paymentKey + "\",\"orderId\":\"" + orderId + "\",\"amount\":9000}";
        Refusals refusals = new Refusals(state);

        for (HostileInput.Body body : HostileInput.bodiesFrom(valid)) {
            refusals.expectRefused("confirm " + body, () -> post("/api/v1/payments/confirm", body, holderOf(orderId)));
        }

        refusals.assertAllRefused();
        assertThat(sandboxCalls(orderId, "/confirm")).isEmpty();
        assertThat(confirm(paymentKey, orderId, 9_000).status()).isEqualTo(200); // still confirmable after all that
    }

    @Test
    void failRefusesEveryHostileBody() {
        String orderId = checkout("STICKER", 1).get("orderId").asString();
        Refusals refusals = new Refusals(state);

        for (HostileInput.Body body : HostileInput.bodiesFrom(FAIL)) {
            Set<String> freeText = Set.of("empty string", "blank string", "non-ASCII string", "emoji",
                    "quote and backslash", "SQL-ish string", "path-ish string", "number as string", "null");
            boolean valid = "/message".equals(body.pointer()) && (body.value() == null || freeText.contains(body.value()))
                    || body.replaces("/code", "number as string"); // the PG's message is free text; "1" is a code
            if (valid) {
                continue;
            }
            refusals.expectRefused("fail " + body,
                    () -> post("/api/v1/payments/" + orderId + "/fail", body, holderOf(orderId)));
        }

        refusals.assertAllRefused();
    }

    @Test
    void refundsRefuseEveryHostileBody() {
        JsonNode checkout = checkout("MUG", 2);
        String orderId = checkout.get("orderId").asString();
        assertThat(confirm(authenticateAtSandbox(checkout), orderId, 18_000).status()).isEqualTo(200);
        state.awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));
        String valid = "{\"requestId\":\"" + java.util.UUID.randomUUID() + "\",\"amount\":1000,\"reason\":\"고객 변심\","
                + "\"refundAccount\":{\"bankCode\":\"20\",\"accountNumber\":\"1002123456789\",\"holderName\":\"박고객\"}}";
        Set<String> freeText = Set.of("non-ASCII string", "emoji", "quote and backslash", "SQL-ish string",
                "path-ish string", "number as string");
        Refusals refusals = new Refusals(state);

        for (HostileInput.Body body : HostileInput.bodiesFrom(valid)) {
            boolean stillValid = "/reason".equals(body.pointer()) && body.value() != null && freeText.contains(body.value())
                    || body.replaces("/refundAccount/accountNumber", "number as string")
                    || body.replaces("/refundAccount/holderName", "non-ASCII string")
                    || body.replaces("/refundAccount", "null") || body.name().equals("/refundAccount missing");
            if (stillValid) {
                continue;
            }
            refusals.expectRefused("refund " + body,
                    () -> post("/api/v1/payments/" + orderId + "/refunds", body, OPERATOR));
        }
        for (HostileInput.Body body : HostileInput.bodiesFrom("{\"refundAccount\":{\"bankCode\":\"20\","
                + "\"accountNumber\":\"1002123456789\",\"holderName\":\"박고객\"}}")) {
            refusals.expectRefused("retry " + body, () -> post("/api/v1/refunds/man-unknown/retry", body, OPERATOR));
        }

        refusals.assertAllRefused();
        assertThat(refusals.checked()).isGreaterThan(100);
    }

    @Test
    void theWebhookEndpointRefusesWhatIsNotATossBodyAndNeverFails() {
        Refusals refusals = new Refusals(state);
        for (HostileInput.Body body : HostileInput.wholeBodies(WEBHOOK)) {
            if (body.name().equals("invalid UTF-8")) {
                // a body Toss would never send, but still JSON once decoded: stored and ignored is a fine answer
                refusals.expectHandled("webhook " + body, () -> post("/api/v1/webhooks/toss", body, Map.of()));
                continue;
            }
            refusals.expectRefused("webhook " + body, () -> post("/api/v1/webhooks/toss", body, Map.of()));
        }
        refusals.assertAllRefused();

        // a field by field mutation may still be a Toss shape we store and ignore: handled, never a 5xx
        Refusals handled = new Refusals(StateSnapshot.NONE);
        for (HostileInput.Body body : HostileInput.mutationsOf(WEBHOOK)) {
            handled.expectHandled("webhook " + body, () -> post("/api/v1/webhooks/toss", body, Map.of()));
        }
        handled.assertAllRefused();
    }

    @Test
    void hostilePathSegmentsAndQueryValuesAreRefusedEverywhere() {
        Refusals refusals = new Refusals(state);
        for (HostileInput.Value segment : HostileInput.pathSegments()) {
            for (String target : List.of("/api/v1/payments/%s", "/api/v1/payments/%s/refunds",
                    "/api/v1/payments/%s/details", "/api/v1/webhooks/%s")) {
                String t = target.formatted(segment.raw());
                refusals.expectRefused("GET " + target + " with " + segment, Set.of(400, 404), Set.of(),
                        () -> http.send(RawHttp.Request.of("GET", t).withHeaders(SERVICE)));
            }
            String progress = "/api/v1/storefront/orders/" + segment.raw() + "/progress";
            refusals.expectRefused("GET progress with " + segment, Set.of(400, 404), Set.of(),
                    () -> http.send(RawHttp.Request.of("GET", progress)));
            for (String target : List.of("/api/v1/payments/%s/recheck", "/api/v1/refunds/%s/retry",
                    "/api/v1/webhooks/%s/reprocess")) {
                String t = target.formatted(segment.raw());
                refusals.expectRefused("POST " + target + " with " + segment, Set.of(400, 404), Set.of(),
                        () -> http.send(RawHttp.Request.json("POST", t, "{}").withHeaders(OPERATOR)));
            }
            String fail = "/api/v1/payments/" + segment.raw() + "/fail";
            refusals.expectRefused("POST fail with " + segment, Set.of(400, 404), Set.of(),
                    () -> http.send(RawHttp.Request.json("POST", fail, FAIL)));
        }
        for (HostileInput.Value value : HostileInput.queryValues()) {
            for (String target : List.of("/api/v1/payments?status=%s", "/api/v1/payments?status=READY&limit=%s",
                    "/api/v1/refunds?status=%s", "/api/v1/refunds?status=PARKED&limit=%s", "/api/v1/webhooks?state=%s")) {
                if (target.endsWith("limit=%s") && value.name().equals("empty")) {
                    continue; // an empty limit is no limit given: the default applies
                }
                String t = target.formatted(value.raw());
                refusals.expectRefused("GET " + target + " with " + value, Set.of(400), Set.of(),
                        () -> http.send(RawHttp.Request.of("GET", t).withHeaders(SERVICE)));
            }
            for (String target : List.of("/api/v1/payments/search?from=%s&to=2026-11-30",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&status=%s",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&method=%s",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&minAmount=%s",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&sort=%s",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&cursor=%s",
                    "/api/v1/payments/search?from=2026-11-01&to=2026-11-30&limit=%s",
                    "/api/v1/payments/stats?from=2026-11-01&to=%s")) {
                boolean blank = value.name().equals("empty") || value.name().equals("blank");
                if (blank && !target.contains("from=%s") && !target.contains("to=%s")) {
                    continue; // an empty optional parameter is no parameter (what a search form sends for a field left empty)
                }
                String t = target.formatted(value.raw());
                refusals.expectRefused("GET " + target + " with " + value, Set.of(400), Set.of(),
                        () -> http.send(RawHttp.Request.of("GET", t).withHeaders(SERVICE)));
            }
            // an orderId-shaped value ("-0001-01-01", twenty digits) is a valid search that finds nothing
            String byOrder = "/api/v1/webhooks?orderId=" + value.raw();
            refusals.expectHandled("GET /api/v1/webhooks?orderId=%s with " + value,
                    () -> http.send(RawHttp.Request.of("GET", byOrder).withHeaders(SERVICE)));
        }
        for (String missing : List.of("/api/v1/payments", "/api/v1/refunds")) {
            refusals.expectRefused("GET " + missing + " without its parameter", Set.of(400), Set.of("VALIDATION_FAILED"),
                    () -> http.send(RawHttp.Request.of("GET", missing).withHeaders(SERVICE)));
        }
        refusals.assertAllRefused();
    }

    @Test
    void aMissingParameterIsNamedInTheProblem() {
        RawHttp.Response r = http.send(RawHttp.Request.of("GET", "/api/v1/refunds").withHeaders(SERVICE));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("Required parameter 'status' is missing");
    }
}
