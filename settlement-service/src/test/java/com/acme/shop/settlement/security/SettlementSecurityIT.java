package com.acme.shop.settlement.security;

import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * settlement-service's doors (SettlementAccessRules, docs/security.md): every route is finance's or an operator's,
 * reached through admin-service with the service token. Knocked on from outside with test-support's probe.
 */
class SettlementSecurityIT extends AbstractIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SettlementSecurityIT.class);
    private static final Credential SERVICE = Credential.bearer("service token", TestInfrastructure.SERVICE_TOKEN);
    private static final Credential SCRAPER = Credential.bearer("scrape token", TestInfrastructure.SCRAPE_TOKEN);

    private StateSnapshot state() {
        return StateSnapshot.rowCounts(dataSource, "settlement_entry", "reconciliation_run", "reconciliation_mismatch",
                        "inbox_event", "outbox_event", "export_job")
                .and(dataSource, "runs", "SELECT sales_date, runs, status FROM reconciliation_run ORDER BY sales_date");
    }

    @Test
    void everyRouteRefusesAnonymousWrongRoleAndBypassSpellingsAndAcceptsTheServiceToken() {
        // today cannot be reconciled yet: the accepted call is answered 400 by the handler, without asking Toss
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        List<Route> routes = List.of(
                Route.get("/api/v1/settlements/payments/{orderId}", "it-security-probe"),
                Route.get("/api/v1/settlements/daily?from={from}&to={to}", "2025-07-01", "2025-07-31"),
                Route.get("/api/v1/settlements/monthly?from={from}&to={to}", "2025-01", "2025-12"),
                Route.post("/api/v1/settlements/reconciliations?date={date}", null, today),
                Route.get("/api/v1/settlements/reconciliations?from={from}&to={to}", "2025-07-01", "2025-07-31"),
                Route.get("/api/v1/settlements/mismatches?from={from}&to={to}&status={status}", "2025-07-01",
                        "2025-07-31", "OPEN"),
                Route.get("/api/v1/settlements/export.xlsx?from={from}&to={to}", "2019-02-01", "2019-02-28"),
                Route.get("/api/v1/settlements/payouts/upcoming?from={from}&to={to}", "2025-07-01", "2025-07-31"),
                // decisions and export jobs need the operator too (X-Operator): the token alone gets past the doors
                // and is answered 400 OPERATOR_REQUIRED by the handler, which changes nothing
                Route.post("/api/v1/settlements/mismatches/{id}/resolve", "{\"note\":\"checked\"}", "999999999"),
                Route.post("/api/v1/settlements/mismatches/{id}/ignore", "{\"reason\":\"accepted\"}", "999999999"),
                Route.post("/api/v1/settlements/exports", "{\"from\":\"2019-02-01\",\"to\":\"2019-02-28\"}"),
                Route.get("/api/v1/settlements/exports?limit={limit}", "5"),
                Route.get("/api/v1/settlements/exports/{id}", "00000000-0000-4000-8000-000000000000"),
                Route.get("/api/v1/settlements/exports/{id}/file", "00000000-0000-4000-8000-000000000000"));
        state().awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));

        SecurityProbe.Report report = SecurityProbe.against(baseUrl())
                .accepting(SERVICE)
                .refusing(SCRAPER)
                .stateSnapshot(state())
                .probe(routes);

        log.info("Security probe of settlement-service:\n{}", report.table());
        report.assertAllPassed();
        assertThat(report.outcomes()).filteredOn(o -> o.variant().equals("anonymous"))
                .allSatisfy(o -> assertThat(o.code()).isEqualTo("AUTHENTICATION_REQUIRED"));
        assertThat(report.outcomes()).filteredOn(o -> o.variant().equals("service token"))
                .extracting(SecurityProbe.Outcome::status)
                .containsExactly(404, 200, 200, 400, 200, 200, 200, 200, 400, 400, 400, 200, 404, 404);
        assertThat(report.outcomes()).filteredOn(o -> o.variant().equals("service token") && o.status() == 400)
                .extracting(SecurityProbe.Outcome::code).containsOnly("RECONCILIATION_TOO_EARLY", "OPERATOR_REQUIRED");
    }

    /** The request: an anonymous run for year -1 against Toss was 200. */
    @Test
    void anAnonymousReconciliationRunIsRefusedAndRecordsNothing() {
        Object before = state().take();

        RawHttp.Response response = RawHttp.to(baseUrl()).send(RawHttp.Request.of("POST",
                "/api/v1/settlements/reconciliations?date=-0001-01-01"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(state().take()).isEqualTo(before);
    }

    @Test
    void metricsAreForServicesAndTheScraperOnlyAndHealthIsOpen() {
        SecurityProbe.against(baseUrl()).accepting(SCRAPER).probe(List.of(Route.get("/actuator/metrics")))
                .assertAllPassed();
        SecurityProbe.against(baseUrl()).accepting(SERVICE).probe(List.of(Route.get("/actuator/metrics")))
                .assertAllPassed();
        assertThat(RawHttp.to(baseUrl()).send(RawHttp.Request.of("GET", "/actuator/health")).status()).isEqualTo(200);
    }

    @Test
    void undeclaredRoutesAreClosedEvenToServices() {
        RawHttp http = RawHttp.to(baseUrl());
        for (RawHttp.Request request : List.of(
                RawHttp.Request.of("DELETE", "/api/v1/settlements/payments/it-1"),
                RawHttp.Request.of("PUT", "/api/v1/settlements/reconciliations?date=2025-07-01"),
                RawHttp.Request.of("POST", "/api/v1/settlements/mismatches"),
                RawHttp.Request.of("GET", "/api/v1/settlements/mismatches/1/resolve"),
                RawHttp.Request.of("PUT", "/api/v1/settlements/mismatches/1/ignore"),
                RawHttp.Request.of("DELETE", "/api/v1/settlements/exports/00000000-0000-4000-8000-000000000000"),
                RawHttp.Request.of("POST", "/api/v1/settlements/exports/00000000-0000-4000-8000-000000000000/file"),
                RawHttp.Request.of("GET", "/api/v1/settlements/payouts"),
                RawHttp.Request.of("GET", "/api/v1/settlements"),
                RawHttp.Request.of("GET", "/internal/v1/anything"),
                RawHttp.Request.of("GET", "/actuator/env"))) {
            RawHttp.Response anonymous = http.send(request);
            RawHttp.Response service = http.send(request.withHeaders(SERVICE.headers()));
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
            assertThat(service.status()).as(service.toString()).isIn(403, 404);
            assertThat(service.isProblem()).as(service.toString()).isTrue();
        }
    }
}
