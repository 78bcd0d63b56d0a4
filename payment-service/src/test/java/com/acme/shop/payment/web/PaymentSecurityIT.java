package com.acme.shop.payment.web;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.security.Credential;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Route;
import com.acme.shop.testsupport.security.SecurityProbe;
import com.acme.shop.testsupport.security.StateSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every protected door of payment-service, knocked on as an outsider would (docs/security.md): without a credential,
 * with the scraper's token (a real token of the wrong role), and with the path spellings that slip past naive rules
 * ({@code ;x}, {@code %61pi}, {@code //}, {@code ..}), sent verbatim; each refused without a trace, and the right
 * credential let through.
 */
class PaymentSecurityIT extends AbstractPaymentIT {

    static final Credential SERVICE = Credential.bearer("service token", TestInfrastructure.SERVICE_TOKEN);
    static final Credential SCRAPER = Credential.bearer("scrape token", TestInfrastructure.SCRAPE_TOKEN);

    @Autowired
    DataSource dataSource;

    StateSnapshot state() {
        return StateSnapshot.rowCounts(dataSource, "payment", "payment_order_mapping", "payment_cancel", "pg_request",
                "webhook_log", "outbox_event").and(dataSource, "statuses",
                "SELECT order_id, status FROM payment ORDER BY id");
    }

    @Test
    void operatorsReadsAndActionsNeedTheServiceToken() {
        String orderId = checkout("MUG", 1).get("orderId").asString();

        SecurityProbe.against(url(""))
                .accepting(SERVICE)
                .refusing(SCRAPER)
                .stateSnapshot(state())
                .probe(List.of(
                        Route.get("/api/v1/payments?status={status}", "READY"),
                        Route.get("/api/v1/payments/{orderId}/refunds", orderId),
                        Route.get("/api/v1/refunds?status={status}", "PARKED"),
                        Route.get("/api/v1/webhooks?state={state}", "REFUSED"),
                        Route.get("/api/v1/webhooks?orderId={orderId}", orderId),
                        Route.get("/api/v1/webhooks/{id}", "1"),
                        Route.get("/api/v1/payments/search?from={from}&to={to}", "2026-11-01", "2026-11-30"),
                        Route.get("/api/v1/payments/queues"),
                        Route.get("/api/v1/payments/stats?from={from}&to={to}", "2026-11-01", "2026-11-30"),
                        Route.get("/api/v1/payments/{orderId}/details", orderId),
                        Route.post("/api/v1/payments/{orderId}/refunds", "{\"requestId\":\"" + java.util.UUID.randomUUID()
                                + "\",\"amount\":1000,\"reason\":\"환불\"}", orderId),
                        Route.post("/api/v1/payments/{orderId}/recheck", "{}", orderId),
                        Route.post("/api/v1/refunds/{requestId}/retry", "{}", "man-unknown"),
                        Route.post("/api/v1/webhooks/{id}/reprocess", "{}", "1")))
                .assertAllPassed();
    }

    @Test
    void aCustomersPaymentOpensOnlyToTheHolderOfItsCheckoutToken() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        Credential holder = new Credential("checkout token", holderOf(orderId));
        Credential otherCustomer = new Credential("another checkout's token",
                holderOf(checkout("STICKER", 1).get("orderId").asString()));

        SecurityProbe.against(url(""))
                .accepting(holder)
                .refusing(otherCustomer)
                .refusing(SCRAPER)
                .refusalStatuses(404) // the door hides itself: the same answer as for no such order
                .stateSnapshot(state())
                .probe(List.of(
                        Route.get("/api/v1/payments/{orderId}", orderId),
                        Route.get("/api/v1/storefront/orders/{orderId}/progress", orderId),
                        Route.post("/api/v1/payments/{orderId}/fail", "{\"code\":\"PAY_PROCESS_CANCELED\"}", orderId)))
                .assertAllPassed();

        // let through means let through: the holder reads it, and the service token reads it too
        assertThat(Http.get(url("/api/v1/payments/" + orderId), holderOf(orderId)).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).status()).isEqualTo(200);
    }

    @Test
    void actuatorShowsProbesToAllAndTheRestOnlyToServicesAndTheScraper() {
        RawHttp http = RawHttp.to(url(""));

        assertThat(http.send(RawHttp.Request.of("GET", "/actuator/health/liveness")).status()).isEqualTo(200);
        assertThat(http.send(RawHttp.Request.of("GET", "/actuator/health/readiness")).status()).isEqualTo(200);
        SecurityProbe.against(url(""))
                .accepting(SCRAPER)
                .stateSnapshot(state())
                .probe(List.of(Route.get("/actuator/metrics"), Route.get("/actuator/metrics/{name}", "jobs.due")))
                .assertAllPassed();
        assertThat(http.send(RawHttp.Request.of("GET", "/actuator/metrics").withHeaders(SERVICE.headers())).status())
                .isEqualTo(200);
    }

    @Test
    void theOpenDoorsStayOpenAndRoutesNobodyDeclaredAreClosed() {
        RawHttp http = RawHttp.to(url(""));

        for (String open : List.of("/", "/index.html", "/shop.js", "/api/v1/storefront/config")) {
            assertThat(http.send(RawHttp.Request.of("GET", open)).status()).as(open).isEqualTo(200);
        }
        for (String undeclared : List.of("/api/v1/admin", "/internal/v1/anything", "/api/v1/payments/x/y/z")) {
            RawHttp.Response r = http.send(RawHttp.Request.of("GET", undeclared).withHeaders(SERVICE.headers()));
            assertThat(r.status()).as(undeclared).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c-1", "items",
                List.of(Map.of("productId", "MUG", "quantity", 1)))).status()).isEqualTo(201);
    }
}
