package com.acme.shop.settlement.security;

import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.settlement.ledger.LedgerSeed;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.security.HostileInput;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of settlement-service walked with test-support's tables of hostile input: each answer is a 4xx
 * problem with a stable code, and the ledger, the reconciliation runs and mismatches (and their decisions), the export
 * jobs and the inbox are unchanged. Input is path ids; date, month, status and limit parameters; and the JSON bodies of
 * a mismatch decision ({@code note}, {@code reason}) and of an export job ({@code from}, {@code to}).
 */
class SettlementBadInputIT extends AbstractIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SettlementBadInputIT.class);
    private static final Set<String> INVALID_DATE_RANGE = Set.of("INVALID_DATE_RANGE");
    private static final Map<String, String> OPERATOR = Map.of("Authorization", Http.AS_SERVICE.get("Authorization"),
            "X-Operator", "finance.kim");
    /** Values of the hostile table that are simply valid text for a note or a reason. */
    private static final Set<String> FREE_TEXT = Set.of("non-ASCII string", "emoji", "quote and backslash",
            "SQL-ish string", "path-ish string", "number as string");
    private static final Set<String> CANNOT_BE_AN_ID = Set.of("non-ASCII (percent-encoded UTF-8)", "emoji",
            "over-long (65 chars)", "over-long (2,000 chars)", "control character", "encoded space");

    /** Ranges of dates and months, each with {@code %s} where a hostile value goes. */
    private static final List<String> DATE_TARGETS = List.of(
            "/api/v1/settlements/daily?from=%s&to=2025-07-31",
            "/api/v1/settlements/daily?from=2025-07-01&to=%s",
            "/api/v1/settlements/reconciliations?from=%s&to=2025-07-31",
            "/api/v1/settlements/reconciliations?from=2025-07-01&to=%s",
            "/api/v1/settlements/mismatches?from=%s&to=2025-07-31",
            "/api/v1/settlements/mismatches?from=2025-07-01&to=%s",
            "/api/v1/settlements/export.xlsx?from=%s&to=2025-07-31",
            "/api/v1/settlements/export.xlsx?from=2025-07-01&to=%s");
    /** Dates that may be left out (a default applies): empty or blank is "not given". */
    private static final List<String> OPTIONAL_DATE_TARGETS = List.of(
            "/api/v1/settlements/payouts/upcoming?from=%s&to=2025-07-31",
            "/api/v1/settlements/payouts/upcoming?from=2025-07-01&to=%s");
    private static final List<String> MONTH_TARGETS = List.of(
            "/api/v1/settlements/monthly?from=%s&to=2025-12",
            "/api/v1/settlements/monthly?from=2025-01&to=%s");

    @Autowired
    private JdbcTemplate jdbc;

    private RawHttp http;
    private Refusals refusals;

    @BeforeEach
    void quietState() {
        http = RawHttp.to(baseUrl());
        StateSnapshot state = StateSnapshot.rowCounts(dataSource, "settlement_entry", "reconciliation_run",
                        "reconciliation_mismatch", "inbox_event", "outbox_event", "export_job")
                .and(dataSource, "runs", "SELECT sales_date, runs, status, open_mismatches FROM reconciliation_run "
                        + "ORDER BY sales_date")
                .and(dataSource, "decisions", "SELECT id, status, resolved_by, note FROM reconciliation_mismatch "
                        + "ORDER BY id");
        state.awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));
        refusals = new Refusals(state);
    }

    private RawHttp.Response asService(String method, String target) {
        return http.send(RawHttp.Request.of(method, target).withHeaders(Http.AS_SERVICE));
    }

    @Test
    void datesInEveryRange() {
        for (String target : DATE_TARGETS) {
            for (HostileInput.Value value : HostileInput.queryValues()) {
                refusals.expectRefused(target.replace("%s", "…"), value, Set.of(400), codes(value),
                        () -> asService("GET", target.formatted(value.raw())));
            }
            refusals.expectRefused(target.replace("%s", "2100-01-01"), Set.of(400), INVALID_DATE_RANGE,
                    () -> asService("GET", target.formatted("2100-01-01")));
            refusals.expectRefused(target.replace("%s", "1999-12-31"), Set.of(400), INVALID_DATE_RANGE,
                    () -> asService("GET", target.formatted("1999-12-31")));
        }

        finish("date ranges");
    }

    @Test
    void payoutDatesThatMayBeLeftOut() {
        for (String target : OPTIONAL_DATE_TARGETS) {
            for (HostileInput.Value value : HostileInput.queryValues()) {
                if (value.name().equals("empty") || value.name().equals("blank")) {
                    refusals.expectHandled(target + " " + value, () -> asService("GET", target.formatted(value.raw())));
                    continue;
                }
                refusals.expectRefused(target.replace("%s", "…"), value, Set.of(400), codes(value),
                        () -> asService("GET", target.formatted(value.raw())));
            }
        }
        for (String outOfBounds : List.of("from=2100-01-01", "from=1999-12-31", "to=2100-01-01", "to=1999-12-31",
                "from=2025-07-31&to=2025-07-01", "from=2025-01-01&to=2026-01-02")) {
            refusals.expectRefused("payouts " + outOfBounds, Set.of(400), INVALID_DATE_RANGE,
                    () -> asService("GET", "/api/v1/settlements/payouts/upcoming?" + outOfBounds));
        }

        finish("payout dates");
    }

    @Test
    void mismatchDecisionBodies() {
        LocalDate date = LocalDate.parse("2024-05-20");
        LedgerSeed.run(jdbc, date, 1, Instant.now());
        long open = LedgerSeed.mismatch(jdbc, date, "OPEN", null, null, Instant.now());
        for (String action : List.of("resolve", "ignore")) {
            String field = action.equals("resolve") ? "note" : "reason";
            String target = "/api/v1/settlements/mismatches/" + open + "/" + action;
            for (HostileInput.Body body : HostileInput.bodiesFrom("{\"" + field + "\":\"토스 확인 완료\"}")) {
                if (("/" + field).equals(body.pointer()) && body.value() != null && FREE_TEXT.contains(body.value())) {
                    continue; // a valid note: it would resolve the mismatch, which is no refusal
                }
                refusals.expectRefused(action + " " + body, () -> http.send(body.request("POST", target)
                        .withHeaders(OPERATOR)));
            }
            String valid = "{\"" + field + "\":\"확인\"}";
            refusals.expectRefused(action + " without X-Operator", Set.of(400), Set.of("OPERATOR_REQUIRED"),
                    () -> http.send(RawHttp.Request.json("POST", target, valid).withHeaders(Http.AS_SERVICE)));
            refusals.expectRefused(action + " as an operator whose name is not one", Set.of(400),
                    Set.of("OPERATOR_REQUIRED"),
                    () -> http.send(RawHttp.Request.json("POST", target, valid).withHeaders(Map.of(
                            "Authorization", Http.AS_SERVICE.get("Authorization"), "X-Operator", "kim finance"))));
            for (HostileInput.Value segment : HostileInput.pathSegments()) {
                refusals.expectRefused(action + " mismatches/", segment, Set.of(400, 404), Set.of(),
                        () -> http.send(RawHttp.Request.json("POST", "/api/v1/settlements/mismatches/" + segment.raw()
                                + "/" + action, valid).withHeaders(OPERATOR)));
            }
            for (String id : List.of("0", "-1", "1.5", "99999999999999999999", "999999999999999999")) {
                refusals.expectRefused(action + " mismatches/" + id, Set.of(404), Set.of("MISMATCH_NOT_FOUND"),
                        () -> http.send(RawHttp.Request.json("POST", "/api/v1/settlements/mismatches/" + id + "/"
                                + action, valid).withHeaders(OPERATOR)));
            }
        }

        finish("mismatch decisions");
    }

    @Test
    void exportJobBodiesIdsAndLimits() {
        String target = "/api/v1/settlements/exports";
        for (HostileInput.Body body : HostileInput.bodiesFrom("{\"from\":\"2019-01-01\",\"to\":\"2019-01-31\"}")) {
            refusals.expectRefused("export " + body,
                    () -> http.send(body.request("POST", target).withHeaders(OPERATOR)));
        }
        for (String range : List.of("{\"from\":\"2019-01-31\",\"to\":\"2019-01-01\"}",
                "{\"from\":\"2018-01-01\",\"to\":\"2019-01-02\"}",
                "{\"from\":\"1999-12-31\",\"to\":\"2000-01-01\"}",
                "{\"from\":\"2099-12-31\",\"to\":\"2100-01-01\"}",
                "{\"from\":\"+999999999-12-31\",\"to\":\"2019-01-01\"}")) {
            refusals.expectRefused("export " + range, Set.of(400), INVALID_DATE_RANGE,
                    () -> http.send(RawHttp.Request.json("POST", target, range).withHeaders(OPERATOR)));
        }
        refusals.expectRefused("export without X-Operator", Set.of(400), Set.of("OPERATOR_REQUIRED"),
                () -> http.send(RawHttp.Request.json("POST", target,
                        "{\"from\":\"2019-01-01\",\"to\":\"2019-01-31\"}").withHeaders(Http.AS_SERVICE)));
        for (HostileInput.Value segment : HostileInput.pathSegments()) {
            for (String path : List.of("/api/v1/settlements/exports/%s", "/api/v1/settlements/exports/%s/file")) {
                refusals.expectRefused("GET " + path, segment, Set.of(400, 404), Set.of(),
                        () -> asService("GET", path.formatted(segment.raw())));
            }
        }
        for (HostileInput.Value value : HostileInput.queryValues()) {
            String limit = "/api/v1/settlements/exports?limit=" + value.raw();
            if (value.name().equals("empty") || value.name().equals("blank")) {
                refusals.expectHandled("exports?limit= " + value, () -> asService("GET", limit));
                continue;
            }
            refusals.expectRefused("exports?limit=", value, Set.of(400),
                    value.name().equals("invalid UTF-8") ? Set.of("MALFORMED_REQUEST") : Set.of("VALIDATION_FAILED"),
                    () -> asService("GET", limit));
        }
        for (String limit : List.of("0", "101", "007a", "1e2")) {
            refusals.expectRefused("exports?limit=" + limit, Set.of(400), Set.of("VALIDATION_FAILED"),
                    () -> asService("GET", "/api/v1/settlements/exports?limit=" + limit));
        }

        finish("export jobs");
    }

    @Test
    void monthsInTheMonthlyRange() {
        for (String target : MONTH_TARGETS) {
            for (HostileInput.Value value : HostileInput.queryValues()) {
                refusals.expectRefused(target.replace("%s", "…"), value, Set.of(400), codes(value),
                        () -> asService("GET", target.formatted(value.raw())));
            }
        }
        // the request, which was a 500 (the range check overflowed)
        RawHttp.Response farFuture = refusals.expectRefused("monthly +999999999-12", Set.of(400), INVALID_DATE_RANGE,
                () -> asService("GET", "/api/v1/settlements/monthly?from=%2B999999999-12&to=%2B999999999-12"));
        assertThat(farFuture.json().get("detail").asString()).contains("2000-01..2099-12");
        refusals.expectRefused("monthly 1999-12", Set.of(400), INVALID_DATE_RANGE,
                () -> asService("GET", "/api/v1/settlements/monthly?from=1999-12&to=2000-01"));

        finish("month ranges");
    }

    @Test
    void reconciliationDates() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        for (HostileInput.Value value : HostileInput.queryValues()) {
            refusals.expectRefused("POST reconciliations?date=", value, Set.of(400), codes(value),
                    () -> asService("POST", "/api/v1/settlements/reconciliations?date=" + value.raw()));
        }
        for (String outsideTheLedgersLife : List.of("-0001-01-01", "0002-01-01", "2019-12-31", today.plusDays(1)
                .toString(), "2099-12-31")) {
            refusals.expectRefused("reconcile " + outsideTheLedgersLife, Set.of(400), INVALID_DATE_RANGE,
                    () -> asService("POST", "/api/v1/settlements/reconciliations?date=" + outsideTheLedgersLife));
        }
        refusals.expectRefused("reconcile today", Set.of(400), Set.of("RECONCILIATION_TOO_EARLY"),
                () -> asService("POST", "/api/v1/settlements/reconciliations?date=" + today));
        RawHttp.Response missing = refusals.expectRefused("reconcile without a date", Set.of(400), INVALID_DATE_RANGE,
                () -> asService("POST", "/api/v1/settlements/reconciliations"));
        assertThat(missing.json().get("detail").asString()).contains("date is required");
        HostileInput.Body oversized = HostileInput.wholeBodies("{\"a\":1}").stream()
                .filter(b -> b.name().startsWith("oversized") && !b.chunked()).findFirst().orElseThrow();
        refusals.expectRefused("reconcile with " + oversized, Set.of(413), Set.of("PAYLOAD_TOO_LARGE"),
                () -> http.send(oversized.request("POST", "/api/v1/settlements/reconciliations?date=2025-07-01")
                        .withHeaders(Http.AS_SERVICE)));

        finish("reconciliation dates");
    }

    @Test
    void mismatchStatuses() {
        for (HostileInput.Value value : HostileInput.queryValues()) {
            String target = "/api/v1/settlements/mismatches?from=2025-07-01&to=2025-07-31&status=" + value.raw();
            if (value.name().equals("empty") || value.name().equals("blank")) {
                refusals.expectHandled("status " + value, () -> asService("GET", target)); // no filter
            } else {
                refusals.expectRefused("status", value, Set.of(400),
                        value.name().equals("invalid UTF-8") ? Set.of("MALFORMED_REQUEST") : Set.of("INVALID_STATUS"),
                        () -> asService("GET", target));
            }
        }

        finish("mismatch statuses");
    }

    @Test
    void orderIdsInPaths() {
        for (HostileInput.Value segment : HostileInput.pathSegments()) {
            boolean impossible = CANNOT_BE_AN_ID.contains(segment.name());
            refusals.expectRefused("GET /api/v1/settlements/payments/", segment, impossible ? Set.of(404) : Set.of(),
                    impossible ? Set.of("SETTLEMENT_NOT_FOUND") : Set.of(),
                    () -> asService("GET", "/api/v1/settlements/payments/" + segment.raw()));
        }
        // the request, which was a 500
        refusals.expectRefused("payments/후드티", Set.of(404), Set.of("SETTLEMENT_NOT_FOUND"),
                () -> asService("GET", "/api/v1/settlements/payments/%ED%9B%84%EB%93%9C%ED%8B%B0"));

        finish("order ids");
    }

    @Test
    void hostileHeaders() {
        refusals.expectRefused("daily totals as XML", () -> http.send(RawHttp.Request.of("GET",
                "/api/v1/settlements/daily?from=2025-07-01&to=2025-07-01").withHeaders(Map.of(
                "Accept", "application/xml", "Authorization", Http.AS_SERVICE.get("Authorization")))));
        refusals.expectRefused("over-long bearer token", Set.of(401), Set.of("AUTHENTICATION_REQUIRED"),
                () -> http.send(RawHttp.Request.of("GET", "/api/v1/settlements/daily?from=2025-07-01&to=2025-07-01")
                        .withHeaders(Map.of("Authorization", "Bearer " + "t".repeat(6_000)))));
        refusals.expectRefused("non-ASCII operator name",
                () -> http.send(RawHttp.Request.of("GET", "/api/v1/settlements/payments/it-none").withHeaders(Map.of(
                        "Authorization", Http.AS_SERVICE.get("Authorization"), "X-Operator", "재무팀"))));

        finish("headers");
    }

    /** The code a hostile date value gets: undecodable UTF-8 never reaches the range check. */
    private static Set<String> codes(HostileInput.Value value) {
        return value.name().equals("invalid UTF-8") ? Set.of("MALFORMED_REQUEST") : INVALID_DATE_RANGE;
    }

    private void finish(String what) {
        log.info("Hostile {} ({} requests):\n{}", what, refusals.checked(), refusals.table());
        refusals.assertAllRefused();
    }
}
