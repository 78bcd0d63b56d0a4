package com.acme.shop.testsupport.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The probe against fake servers: one that guards its doors like the platform does, and ones that leak. */
class SecurityProbeTest {

    private static final List<Route> ROUTES = List.of(
            Route.put("/internal/v1/products/{productId}/stock", "{\"stock\":1}", "STICKER-PACK"),
            Route.get("/api/v1/orders?customerId={customerId}", "customer-1001"));

    /** Like the platform: firewall first, then the token, then the role. */
    private static String guarded(FakeServer.Received request) {
        String line = request.requestLine();
        if (line.contains("//") || line.contains("/../")) {
            return FakeServer.problem(400, "REQUEST_REJECTED");
        }
        String auth = request.headers().getOrDefault("authorization", "");
        return switch (auth) {
            case "Bearer service" -> FakeServer.answer(200, "application/json", "{}");
            case "Bearer scraper" -> FakeServer.problem(403, "ACCESS_DENIED");
            default -> FakeServer.problem(401, "AUTHENTICATION_REQUIRED");
        };
    }

    private static SecurityProbe.Report probe(FakeServer server, StateSnapshot state) {
        return SecurityProbe.against(server.baseUrl())
                .accepting(Credential.bearer("service token", "service"))
                .refusing(Credential.bearer("scrape token", "scraper"))
                .stateSnapshot(state)
                .probe(ROUTES);
    }

    @Test
    void passesWhenEveryDoorIsGuarded() throws Exception {
        try (FakeServer server = new FakeServer(SecurityProbeTest::guarded)) {
            SecurityProbe.Report report = probe(server, StateSnapshot.NONE).assertAllPassed();

            // 2 routes x (anonymous, scrape token) x (plain + 4 spellings) + 2 acceptances
            assertThat(report.outcomes()).hasSize(2 * 2 * 5 + 2);
            assertThat(server.received()).extracting(FakeServer.Received::requestLine).contains(
                    "PUT /internal;x/v1/products/STICKER-PACK/stock HTTP/1.1",
                    "PUT /%69nternal/v1/products/STICKER-PACK/stock HTTP/1.1",
                    "PUT /internal//v1/products/STICKER-PACK/stock HTTP/1.1",
                    "PUT /x/../internal/v1/products/STICKER-PACK/stock HTTP/1.1",
                    "GET /%61pi/v1/orders?customerId=customer-1001 HTTP/1.1");
            assertThat(report.table()).contains("anonymous ;x").contains("-> 401 AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void failsWhenASpellingGetsThrough() throws Exception {
        Function<FakeServer.Received, String> leaky = request -> request.requestLine().contains(";x")
                ? FakeServer.answer(200, "application/json", "{}") : guarded(request);
        try (FakeServer server = new FakeServer(leaky)) {
            SecurityProbe.Report report = probe(server, StateSnapshot.NONE);

            assertThat(report.failures()).hasSize(4).allSatisfy(f -> assertThat(f.variant()).endsWith(";x"));
            assertThatThrownBy(report::assertAllPassed).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("4 of 22 checks failed")
                    .hasMessageContaining("PUT /internal;x/v1/products/STICKER-PACK/stock HTTP/1.1 -> 200");
        }
    }

    @Test
    void failsOnARefusalThatIsNotAProblemOrAFirewallCodeOnThePlainPath() throws Exception {
        Function<FakeServer.Received, String> sloppy = request -> request.headers().containsKey("authorization")
                ? guarded(request) : FakeServer.answer(401, "text/html", "<h1>no</h1>");
        try (FakeServer server = new FakeServer(sloppy)) {
            assertThatThrownBy(() -> probe(server, StateSnapshot.NONE).assertAllPassed())
                    .hasMessageContaining("not application/problem+json")
                    .hasMessageContaining("the body is not a JSON object");
        }
    }

    @Test
    void failsWhenTheCredentialIsNotLetThroughOrTheStateChanged() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        Function<FakeServer.Received, String> closed = request -> {
            if (request.requestLine().startsWith("PUT /internal;x")) {
                writes.incrementAndGet(); // refused, but it changed something
            }
            return request.headers().getOrDefault("authorization", "").equals("Bearer service")
                    ? FakeServer.problem(403, "ACCESS_DENIED") : guarded(request);
        };
        try (FakeServer server = new FakeServer(closed)) {
            assertThatThrownBy(() -> probe(server, writes::get).assertAllPassed())
                    .hasMessageContaining("service token was not let through")
                    .hasMessageContaining("state changed while every request was refused");
        }
    }
}
