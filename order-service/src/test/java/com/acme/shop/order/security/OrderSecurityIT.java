package com.acme.shop.order.security;

import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.security.Credential;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Route;
import com.acme.shop.testsupport.security.SecurityProbe;
import com.acme.shop.testsupport.security.StateSnapshot;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service's doors (OrderAccessRules, docs/security.md), knocked on from outside with test-support's probe:
 * every protected route refuses anonymous callers, the scrape token and the path spellings that once got through,
 * and lets the service token in; the catalog stays open; what is not declared is closed to everyone.
 */
class OrderSecurityIT extends AbstractIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(OrderSecurityIT.class);
    private static final Credential SERVICE = Credential.bearer("service token", TestInfrastructure.SERVICE_TOKEN);
    private static final Credential SCRAPER = Credential.bearer("scrape token", TestInfrastructure.SCRAPE_TOKEN);

    private StateSnapshot state() {
        return StateSnapshot.rowCounts(dataSource, "product", "orders", "order_line", "outbox_event", "inbox_event")
                .and(dataSource, "stock", "SELECT product_id, stock, version FROM product ORDER BY product_id");
    }

    @Test
    void everyProtectedRouteRefusesAnonymousWrongRoleAndBypassSpellingsAndAcceptsTheServiceToken() {
        String product = newProduct("보안 점검 상품", 1_000, 7);
        List<Route> routes = List.of(
                Route.post("/internal/v1/quotes", "{\"items\":[{\"productId\":\"STICKER-PACK\",\"quantity\":1}]}"),
                // the accepted call sets the stock it already has: the probe changes nothing that matters
                Route.put("/internal/v1/products/{productId}/stock", "{\"stock\":7}", product),
                Route.get("/api/v1/orders/{orderId}", newOrderId()),
                Route.get("/api/v1/orders?customerId={customerId}", "customer-1001"));
        state().awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));

        SecurityProbe.Report report = SecurityProbe.against(baseUrl())
                .accepting(SERVICE)
                .refusing(SCRAPER)
                .stateSnapshot(state())
                .probe(routes);

        log.info("Security probe of order-service:\n{}", report.table());
        report.assertAllPassed();
        assertThat(report.outcomes()).filteredOn(o -> o.variant().equals("anonymous"))
                .allSatisfy(o -> assertThat(o.code()).isEqualTo("AUTHENTICATION_REQUIRED"));
        assertThat(report.outcomes()).filteredOn(o -> o.variant().equals("scrape token"))
                .allSatisfy(o -> assertThat(o.code()).isEqualTo("ACCESS_DENIED"));
        assertThat(stockOf(product)).isEqualTo(7);
    }

    /** The issue's own request: an outsider setting a stock through {@code ;x} got 200 and changed it. */
    @Test
    void theStockCannotBeChangedThroughAPathParameterSpelling() {
        int before = stockOf("STICKER-PACK");

        RawHttp.Response response = RawHttp.to(baseUrl()).send(RawHttp.Request.json("PUT",
                "/internal;x/v1/products/STICKER-PACK/stock", "{\"stock\":999999}"));

        assertThat(response.requestLine()).isEqualTo("PUT /internal;x/v1/products/STICKER-PACK/stock HTTP/1.1");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(stockOf("STICKER-PACK")).isEqualTo(before);
    }

    @Test
    void metricsAreForServicesAndTheScraperOnly() {
        SecurityProbe.against(baseUrl())
                .accepting(SCRAPER)
                .probe(List.of(Route.get("/actuator/metrics"), Route.get("/actuator/info")))
                .assertAllPassed();
        SecurityProbe.against(baseUrl())
                .accepting(SERVICE)
                .probe(List.of(Route.get("/actuator/metrics")))
                .assertAllPassed();
    }

    @Test
    void theCatalogAndTheHealthProbesAreOpenToEveryone() {
        RawHttp http = RawHttp.to(baseUrl());

        assertThat(http.send(RawHttp.Request.of("GET", "/api/v1/products")).status()).isEqualTo(200);
        assertThat(http.send(RawHttp.Request.of("GET", "/api/v1/products/MUG-WHT")).status()).isEqualTo(200);
        assertThat(http.send(RawHttp.Request.of("GET", "/actuator/health")).status()).isEqualTo(200);
        assertThat(http.send(RawHttp.Request.of("GET", "/actuator/health/readiness")).status()).isEqualTo(200);
    }

    @Test
    void undeclaredRoutesAreClosedEvenToServices() {
        RawHttp http = RawHttp.to(baseUrl());
        List<RawHttp.Request> undeclared = List.of(
                RawHttp.Request.of("DELETE", "/api/v1/products/MUG-WHT"),
                RawHttp.Request.json("POST", "/api/v1/products", "{}"),
                RawHttp.Request.of("GET", "/internal/v1/products/MUG-WHT/stock"),
                RawHttp.Request.of("GET", "/internal/v1/anything"),
                RawHttp.Request.of("DELETE", "/api/v1/orders/it_1"),
                RawHttp.Request.of("GET", "/actuator/env"));

        for (RawHttp.Request request : undeclared) {
            RawHttp.Response anonymous = http.send(request);
            RawHttp.Response service = http.send(request.withHeaders(SERVICE.headers()));
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
            assertThat(service.status()).as(service.toString()).isIn(403, 404);
            assertThat(service.isProblem()).as(service.toString()).isTrue();
        }
    }

    @Test
    void aTokenThatIsNotOursIsAnonymous() {
        RawHttp http = RawHttp.to(baseUrl());
        for (Map<String, String> headers : List.of(
                Map.of("Authorization", "Bearer not-the-service-token-0123456789abcdef"),
                Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("service:" + TestInfrastructure.SERVICE_TOKEN).getBytes())),
                Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN + "x"),
                Map.of("Authorization", "Bearer"),
                Map.of("X-Internal-Token", "local-dev-internal-token"))) {
            RawHttp.Response response = http.send(RawHttp.Request.of("GET", "/api/v1/orders/it_1").withHeaders(headers));
            assertThat(response.status()).as(headers.toString()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("AUTHENTICATION_REQUIRED");
        }
    }
}
