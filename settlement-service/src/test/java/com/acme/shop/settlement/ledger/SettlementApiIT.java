package com.acme.shop.settlement.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.approved;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.canceled;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SettlementApiIT extends AbstractIntegrationTest {

    @Test
    void answersNotFoundProblemForAnOrderWithoutEntries() {
        Response response = settlementOf(newOrderId());

        assertProblem(response, 404, "SETTLEMENT_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "?from=2026-11-20&to=2026-11-19",
            "?from=2026-13-01&to=2026-12-31",
            "?from=yesterday&to=2026-11-20",
            "?from=2026-11-20",
            "?to=2026-11-20",
            "",
            "?from=2025-01-01&to=2026-01-02",
            "?from=20261101&to=20261130"})
    void rejectsInvalidDateRangesWithAProblem(String query) {
        Response response = get("/api/v1/settlements/daily" + query);

        assertProblem(response, 400, "INVALID_DATE_RANGE");
    }

    @Test
    void acceptsARangeOfExactly366Days() {
        Response response = get("/api/v1/settlements/daily?from=2024-01-01&to=2024-12-31");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().isArray()).isTrue();
    }

    @Test
    void totalsEntriesPerKoreanSalesDate() {
        // Dates in March 2025 belong to this test only.
        String card = newOrderId();
        String transfer = newOrderId();
        String lateNight = newOrderId();
        publish(approved(card, "카드", 10_000, Instant.parse("2025-03-03T01:00:00Z")));
        publish(approved(transfer, "계좌이체", 20_000, Instant.parse("2025-03-03T02:00:00Z")));
        publish(canceled(card, "카드", 10_000, 5_000, 5_000, Instant.parse("2025-03-04T01:00:00Z")));
        // 00:30 on 5 March in Seoul: outside the range although it is 4 March in UTC.
        publish(approved(lateNight, "카드", 7_000, Instant.parse("2025-03-04T15:30:00Z")));
        awaitSettlement(card, 2, view -> { });
        awaitSettlement(transfer, 1, view -> { });
        awaitSettlement(lateNight, 1, view -> { });

        Response response = get("/api/v1/settlements/daily?from=2025-03-01&to=2025-03-04");

        assertThat(response.status()).isEqualTo(200);
        JsonNode days = response.body();
        assertThat(days.size()).as("one row per date and method").isEqualTo(3);
        // transfer 20,000: fee 400 vat 40; card 10,000: fee 340 vat 34
        assertDay(days.get(0), "2025-03-03", "계좌이체", 1, 20_000, 0, 400, 40, 19_560);
        assertDay(days.get(1), "2025-03-03", "카드", 1, 10_000, 0, 340, 34, 9_626);
        // half of the card payment cancelled: fee 340 -> 170, vat 34 -> 17 given back
        assertDay(days.get(2), "2025-03-04", "카드", 1, 0, 5_000, -170, -17, -4_813);

        Response fifth = get("/api/v1/settlements/daily?from=2025-03-05&to=2025-03-05");
        assertDay(fifth.body().get(0), "2025-03-05", "카드", 1, 7_000, 0, 238, 24, 6_738);

        Response months = get("/api/v1/settlements/monthly?from=2025-02&to=2025-03");
        assertThat(months.status()).isEqualTo(200);
        assertThat(months.body().size()).as("March only, per method").isEqualTo(2);
        JsonNode march = months.body().get(1);
        assertThat(march.get("month").asString()).isEqualTo("2025-03");
        assertThat(march.get("method").asString()).isEqualTo("카드");
        assertThat(march.get("count").asLong()).isEqualTo(3);
        assertThat(march.get("gross").asLong()).isEqualTo(17_000);
        assertThat(march.get("canceled").asLong()).isEqualTo(5_000);
        assertThat(march.get("fee").asLong()).isEqualTo(340 - 170 + 238);
        assertThat(march.get("vat").asLong()).isEqualTo(34 - 17 + 24);
        assertThat(march.get("net").asLong()).isEqualTo(9_626 - 4_813 + 6_738);
    }

    @Test
    void upcomingPayoutsAreTheLedgersTotalsPerPayoutDate() {
        // Sales dates in April 2025 belong to this test only.
        String card = newOrderId();
        String transfer = newOrderId();
        publish(approved(card, "카드", 10_000, Instant.parse("2025-04-07T01:00:00Z")));
        publish(approved(transfer, "계좌이체", 20_000, Instant.parse("2025-04-07T02:00:00Z")));
        publish(canceled(card, "카드", 10_000, 5_000, 5_000, Instant.parse("2025-04-08T01:00:00Z")));
        JsonNode cardEntries = awaitSettlement(card, 2, view -> { }).get("entries");
        JsonNode transferEntries = awaitSettlement(transfer, 1, view -> { }).get("entries");

        Response response = get("/api/v1/settlements/payouts/upcoming?from=2025-04-07&to=2025-04-30");

        assertThat(response.status()).isEqualTo(200);
        JsonNode payouts = response.body();
        assertThat(payouts.size()).isEqualTo(3);
        // card D+3 business days, transfer D+2; the cancel is paid out (deducted) from its own sales date
        assertPayout(payouts.get(0), transferEntries.get(0).get("payoutDate").asString(), 1, 20_000, 0, 400, 40,
                19_560);
        assertPayout(payouts.get(1), cardEntries.get(0).get("payoutDate").asString(), 1, 10_000, 0, 340, 34, 9_626);
        assertPayout(payouts.get(2), cardEntries.get(1).get("payoutDate").asString(), 1, 0, 5_000, -170, -17, -4_813);
        assertThat(payouts.get(0).get("payoutDate").asString()).isEqualTo("2025-04-09");
        assertThat(payouts.get(1).get("payoutDate").asString()).isEqualTo("2025-04-10");
        assertThat(payouts.get(2).get("payoutDate").asString()).isEqualTo("2025-04-11");

        Response oneDay = get("/api/v1/settlements/payouts/upcoming?from=2025-04-10&to=2025-04-10");
        assertThat(oneDay.body().size()).isEqualTo(1);
        assertThat(oneDay.body().get(0).get("payoutDate").asString()).isEqualTo("2025-04-10");
    }

    @Test
    void upcomingPayoutsLookThirtyDaysAheadFromTodayInKoreaByDefault() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));

        Response byDefault = get("/api/v1/settlements/payouts/upcoming");
        Response explicit = get("/api/v1/settlements/payouts/upcoming?from=" + today + "&to=" + today.plusDays(30));
        Response fromOnly = get("/api/v1/settlements/payouts/upcoming?from=" + today);
        Response blank = get("/api/v1/settlements/payouts/upcoming?from=&to=");

        assertThat(byDefault.status()).isEqualTo(200);
        assertThat(byDefault.body()).isEqualTo(explicit.body());
        assertThat(fromOnly.body()).isEqualTo(explicit.body());
        assertThat(blank.body()).isEqualTo(explicit.body());
        assertThat(get("/api/v1/settlements/payouts/upcoming?from=2099-12-20").status())
                .as("the default end stops at the last date there can be").isEqualTo(200);
        assertThat(get("/api/v1/settlements/payouts/upcoming?from=2024-01-01&to=2024-12-31").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?from=2025-04-30&to=2025-04-01", "?from=2024-01-01&to=2025-01-01", "?from=2025-4-1",
            "?to=1999-12-31", "?from=2100-01-01", "?from=tomorrow"})
    void rejectsInvalidPayoutRangesWithAProblem(String query) {
        assertProblem(get("/api/v1/settlements/payouts/upcoming" + query), 400, "INVALID_DATE_RANGE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?from=2025-03&to=2025-02", "?from=2025-01&to=2025-13", "?from=2025-1&to=2025-02",
            "?from=2025-01", "", "?from=2025-01&to=2026-01", "?from=2025-01-01&to=2025-02-01"})
    void rejectsInvalidMonthRangesWithAProblem(String query) {
        assertProblem(get("/api/v1/settlements/monthly" + query), 400, "INVALID_DATE_RANGE");
    }

    @Test
    void acceptsTwelveMonths() {
        Response response = get("/api/v1/settlements/monthly?from=2019-01&to=2019-12");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().size()).isZero();
    }

    @Test
    void answersAnEmptyListForDaysWithoutEntries() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response response = get("/api/v1/settlements/daily?from=2019-01-01&to=2019-01-31");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().isArray()).isTrue();
            assertThat(response.body().size()).isZero();
        });
    }

    private static void assertDay(JsonNode day, String date, String method, long count, long gross, long canceled,
                                  long fee, long vat, long net) {
        assertThat(day.get("date").asString()).isEqualTo(date);
        assertThat(day.get("method").asString()).isEqualTo(method);
        assertThat(day.get("count").asLong()).as("count").isEqualTo(count);
        assertThat(day.get("gross").asLong()).as("gross").isEqualTo(gross);
        assertThat(day.get("canceled").asLong()).as("canceled").isEqualTo(canceled);
        assertThat(day.get("fee").asLong()).as("fee").isEqualTo(fee);
        assertThat(day.get("vat").asLong()).as("vat").isEqualTo(vat);
        assertThat(day.get("net").asLong()).as("net").isEqualTo(net);
        assertThat(net).isEqualTo(gross - canceled - fee - vat);
    }

    private static void assertPayout(JsonNode payout, String date, long count, long gross, long canceled, long fee,
                                     long vat, long net) {
        assertThat(payout.get("payoutDate").asString()).isEqualTo(date);
        assertThat(payout.get("count").asLong()).as("count").isEqualTo(count);
        assertThat(payout.get("grossAmount").asLong()).as("gross").isEqualTo(gross);
        assertThat(payout.get("canceledAmount").asLong()).as("canceled").isEqualTo(canceled);
        assertThat(payout.get("feeAmount").asLong()).as("fee").isEqualTo(fee);
        assertThat(payout.get("vatAmount").asLong()).as("vat").isEqualTo(vat);
        assertThat(payout.get("netAmount").asLong()).as("net").isEqualTo(net);
        assertThat(net).isEqualTo(gross - canceled - fee - vat);
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("code").asString()).isEqualTo(code);
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(response.body().has("trace")).isFalse();
        assertThat(response.body().toString()).doesNotContain("Exception");
    }
}
