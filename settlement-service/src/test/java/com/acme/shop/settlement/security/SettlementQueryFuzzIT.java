package com.acme.shop.settlement.security;

import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.settlement.ledger.LedgerSeed;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.SpringTestContexts;
import com.acme.shop.testsupport.security.JsonBodyArbitraries;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * settlement-service's input is mostly query parameters, so the first jqwik property is over those: random strings
 * (non-ASCII, control characters, over-long) and date- and month-shaped values with any year, month and day (the
 * {@code +999999999-12} overflow was one of these), in every parameter of every read and every path id. The others
 * fuzz the JSON bodies of a mismatch decision and of an export job, derived from a valid one. Never a 5xx; a refused
 * request changes nothing. The service is the module's cached test context ({@link SpringTestContexts}).
 */
class SettlementQueryFuzzIT extends AbstractIntegrationTest {

    private static final String[] TARGETS = {
            "/api/v1/settlements/daily?from=%s&to=2025-07-31",
            "/api/v1/settlements/daily?from=2025-07-01&to=%s",
            "/api/v1/settlements/monthly?from=%s&to=2025-12",
            "/api/v1/settlements/monthly?from=2025-01&to=%s",
            "/api/v1/settlements/reconciliations?from=%s&to=2025-07-31",
            "/api/v1/settlements/mismatches?from=2025-07-01&to=%s",
            "/api/v1/settlements/mismatches?from=2025-07-01&to=2025-07-31&status=%s",
            "/api/v1/settlements/export.xlsx?from=%s&to=2019-03-31",
            "/api/v1/settlements/payments/%s",
            "/api/v1/settlements/payouts/upcoming?from=%s&to=2025-07-31",
            "/api/v1/settlements/payouts/upcoming?to=%s",
            "/api/v1/settlements/exports?limit=%s",
            "/api/v1/settlements/exports/%s",
            "/api/v1/settlements/exports/%s/file"};
    private static final Map<String, String> OPERATOR = Map.of("Authorization", Http.AS_SERVICE.get("Authorization"),
            "X-Operator", "fuzz.finance");

    @Autowired
    private JdbcTemplate jdbc;

    private StateSnapshot state;
    private long mismatch;

    @BeforeProperty
    void service() {
        SpringTestContexts.inject(this);
        state = StateSnapshot.rowCounts(dataSource, "settlement_entry", "reconciliation_run", "reconciliation_mismatch",
                "inbox_event", "outbox_event", "export_job")
                .and(dataSource, "decisions", "SELECT id, status, resolved_by, note FROM reconciliation_mismatch "
                        + "ORDER BY id");
        LocalDate date = LocalDate.parse("2024-05-21");
        LedgerSeed.run(jdbc, date, 1, Instant.now());
        mismatch = LedgerSeed.mismatch(jdbc, date, "OPEN", null, null, Instant.now());
    }

    @Property(tries = 300)
    void anyParameterValueIsAnsweredWithoutAServerError(@ForAll("targets") String target,
                                                        @ForAll("values") String value) {
        Refusals refusals = new Refusals(state);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");

        RawHttp.Request request = RawHttp.Request.of("GET", target.formatted(encoded)).withHeaders(Http.AS_SERVICE);
        if (target.contains("/%s") && value.contains("/")) {
            // an encoded slash in the path: Tomcat refuses it itself (HostileInput.Value#refusedByContainer)
            refusals.expectRejectedByContainer(target + " <- " + value, () -> RawHttp.to(baseUrl()).send(request));
        } else {
            refusals.expectHandled(target + " <- " + value, () -> RawHttp.to(baseUrl()).send(request));
        }

        refusals.assertAllRefused();
    }

    /**
     * The JSON bodies: a decision about one OPEN mismatch (a valid one resolves or ignores it: handled, and later ones
     * get 409) and an export job's range (a valid one starts a job).
     */
    @Property(tries = 150)
    void anyMismatchDecisionBodyIsHandled(@ForAll("decisions") String body, @ForAll boolean resolve) {
        String target = "/api/v1/settlements/mismatches/" + mismatch + (resolve ? "/resolve" : "/ignore");
        Refusals refusals = new Refusals(state);
        refusals.expectHandled(target + " <- " + body,
                () -> RawHttp.to(baseUrl()).send(RawHttp.Request.json("POST", target, body).withHeaders(OPERATOR)));
        refusals.assertAllRefused();
    }

    @Property(tries = 150)
    void anyExportJobBodyIsHandled(@ForAll("exports") String body) {
        Refusals refusals = new Refusals(state);
        refusals.expectHandled("exports <- " + body, () -> RawHttp.to(baseUrl()).send(
                RawHttp.Request.json("POST", "/api/v1/settlements/exports", body).withHeaders(OPERATOR)));
        refusals.assertAllRefused();
    }

    @Provide
    Arbitrary<String> decisions() {
        return Arbitraries.oneOf(JsonBodyArbitraries.bodiesFrom("{\"note\":\"토스 확인 완료\"}"),
                JsonBodyArbitraries.bodiesFrom("{\"reason\":\"허용 차이\"}"));
    }

    @Provide
    Arbitrary<String> exports() {
        return JsonBodyArbitraries.bodiesFrom("{\"from\":\"2019-01-01\",\"to\":\"2019-01-31\"}");
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<Integer> year = Arbitraries.oneOf(Arbitraries.integers().between(-999_999_999, 999_999_999),
                Arbitraries.integers().between(1990, 2110));
        Arbitrary<Integer> month = Arbitraries.integers().between(-1, 14);
        Arbitrary<Integer> day = Arbitraries.integers().between(-1, 33);
        Arbitrary<String> dates = Combinators.combine(year, month, day).as((y, m, d) ->
                (y > 9999 ? "+" : "") + String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> months = Combinators.combine(year, month).as((y, m) ->
                (y > 9999 ? "+" : "") + String.format("%04d-%02d", y, m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, JsonBodyArbitraries.strings()),
                net.jqwik.api.Tuple.of(3, dates),
                net.jqwik.api.Tuple.of(2, months));
    }
}
