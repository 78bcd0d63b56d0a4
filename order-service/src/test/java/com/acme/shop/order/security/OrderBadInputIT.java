package com.acme.shop.order.security;

import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.security.HostileInput;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of order-service walked with test-support's tables of hostile input: each answer is a 4xx problem
 * with a stable code, and the row counts of every table (and every product's stock) are the same afterwards. Ids that
 * cannot exist (non-ASCII, longer than the column) are "not found" with the resource's code, never a database error.
 */
class OrderBadInputIT extends AbstractIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(OrderBadInputIT.class);
    private static final String QUOTE = "{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}";
    /** Path segments that cannot be an id: "not found" with the resource's own code, decided before any query. */
    private static final Set<String> CANNOT_BE_AN_ID = Set.of("non-ASCII (percent-encoded UTF-8)", "emoji",
            "over-long (65 chars)", "over-long (2,000 chars)", "control character", "encoded space");

    private RawHttp http;
    private Refusals refusals;

    @BeforeEach
    void quietState() {
        http = RawHttp.to(baseUrl());
        StateSnapshot state = StateSnapshot.rowCounts(dataSource, "product", "orders", "order_line", "outbox_event",
                        "inbox_event")
                .and(dataSource, "stock", "SELECT product_id, stock, version FROM product ORDER BY product_id");
        state.awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));
        refusals = new Refusals(state);
    }

    private RawHttp.Response asService(RawHttp.Request request) {
        return http.send(request.withHeaders(Http.AS_SERVICE));
    }

    @Test
    void quoteBodies() {
        for (HostileInput.Body body : HostileInput.bodiesFrom(QUOTE)) {
            refusals.expectRefused("POST /internal/v1/quotes " + body,
                    () -> asService(body.request("POST", "/internal/v1/quotes")));
        }

        finish("quotes");
    }

    @Test
    void quoteOfAProductIdThatCannotExistIsProductNotFound() {
        for (String id : new String[] {"후드티", "\uD83D\uDC55", "MUG-WHT\u0000", "MUG WHT", "\u00e9"}) {
            RawHttp.Response response = refusals.expectRefused("quote of " + id, Set.of(404),
                    Set.of("PRODUCT_NOT_FOUND"), () -> asService(RawHttp.Request.json("POST", "/internal/v1/quotes",
                            "{\"items\":[{\"productId\":" + Http.JSON.writeValueAsString(id) + ",\"quantity\":1}]}")));
            assertThat(response.json().get("productId").asString()).isEqualTo(id);
        }

        finish("quotes of impossible products");
    }

    @Test
    void stockBodies() {
        String product = newProduct("입력 검증 상품", 1_000, 7);
        String target = "/internal/v1/products/" + product + "/stock";
        for (HostileInput.Body body : HostileInput.bodiesFrom("{\"stock\":7}")) {
            if (body.replaces("/stock", "zero")) {
                continue; // zero pieces is a valid stock
            }
            refusals.expectRefused("PUT " + target + " " + body, () -> asService(body.request("PUT", target)));
        }
        refusals.expectRefused("stock above 1,000,000", Set.of(400), Set.of("VALIDATION_FAILED"),
                () -> asService(RawHttp.Request.json("PUT", target, "{\"stock\":1000001}")));

        finish("stock changes");
        assertThat(stockOf(product)).isEqualTo(7);
    }

    @Test
    void productIdsInPaths() {
        for (HostileInput.Value segment : HostileInput.pathSegments()) {
            Set<Integer> status = CANNOT_BE_AN_ID.contains(segment.name()) ? Set.of(404) : Set.of();
            Set<String> code = CANNOT_BE_AN_ID.contains(segment.name()) ? Set.of("PRODUCT_NOT_FOUND") : Set.of();
            refusals.expectRefused("GET /api/v1/products/", segment, status, code,
                    () -> http.send(RawHttp.Request.of("GET", "/api/v1/products/" + segment.raw())));
            refusals.expectRefused("PUT stock of", segment, status, code, () -> asService(RawHttp.Request.json("PUT",
                    "/internal/v1/products/" + segment.raw() + "/stock", "{\"stock\":1}")));
        }

        finish("product ids");
    }

    @Test
    void orderIdsInPaths() {
        for (HostileInput.Value segment : HostileInput.pathSegments()) {
            boolean impossible = CANNOT_BE_AN_ID.contains(segment.name());
            refusals.expectRefused("GET /api/v1/orders/", segment, impossible ? Set.of(404) : Set.of(),
                    impossible ? Set.of("ORDER_NOT_FOUND") : Set.of(),
                    () -> asService(RawHttp.Request.of("GET", "/api/v1/orders/" + segment.raw())));
        }

        finish("order ids");
    }

    @Test
    void customerIdsInTheQuery() {
        Set<String> notACustomerId = Set.of("empty", "blank", "non-ASCII (percent-encoded UTF-8)",
                "over-long (5,000 chars)", "control character", "SQL-ish", "JSON object", "year +999999999",
                "month +999999999");
        Set<String> undecodable = Set.of("invalid UTF-8");
        for (HostileInput.Value value : HostileInput.queryValues()) {
            RawHttp.Request request = RawHttp.Request.of("GET", "/api/v1/orders?customerId=" + value.raw());
            if (notACustomerId.contains(value.name()) || value.refusedByContainer()) {
                refusals.expectRefused("customerId", value, Set.of(400), Set.of("VALIDATION_FAILED"),
                        () -> asService(request));
            } else if (undecodable.contains(value.name())) {
                refusals.expectRefused("customerId " + value, Set.of(400), Set.of("MALFORMED_REQUEST"),
                        () -> asService(request));
            } else {
                // "-1" or "2026-02-30" could be somebody's customer id: an empty list is a fine answer
                refusals.expectHandled("customerId " + value, () -> asService(request));
            }
        }
        refusals.expectRefused("two customerIds", Set.of(400), Set.of("VALIDATION_FAILED"),
                () -> asService(RawHttp.Request.of("GET", "/api/v1/orders?customerId=a&customerId=b")));
        RawHttp.Response missing = refusals.expectRefused("no customerId", Set.of(400), Set.of("VALIDATION_FAILED"),
                () -> asService(RawHttp.Request.of("GET", "/api/v1/orders")));
        assertThat(missing.json().get("detail").asString()).contains("customerId");

        finish("customer ids");
    }

    @Test
    void hostileHeaders() {
        String target = "/api/v1/orders/it_missing";
        refusals.expectRefused("over-long operator name (ignored)", Set.of(404), Set.of("ORDER_NOT_FOUND"),
                () -> asService(RawHttp.Request.of("GET", target).withHeaders(
                        java.util.Map.of("X-Operator", "a".repeat(5_000)))));
        refusals.expectRefused("Accept: application/xml", () -> asService(RawHttp.Request.of("GET", target)
                .withHeaders(java.util.Map.of("Accept", "application/xml"))));
        refusals.expectRefused("over-long bearer token", Set.of(401), Set.of("AUTHENTICATION_REQUIRED"),
                () -> http.send(RawHttp.Request.of("GET", target).withHeaders(
                        java.util.Map.of("Authorization", "Bearer " + "t".repeat(6_000)))));
        refusals.expectRefused("quote as XML", Set.of(415), Set.of(), () -> asService(new RawHttp.Request("POST",
                "/internal/v1/quotes", java.util.Map.of("Content-Type", "application/xml"),
                "<items/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), false)));

        finish("headers");
    }

    private void finish(String what) {
        log.info("Hostile {} ({} requests):\n{}", what, refusals.checked(), refusals.table());
        refusals.assertAllRefused();
    }
}
