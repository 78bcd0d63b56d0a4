package com.acme.shop.settlement.reconciliation;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against the Toss sandbox in this JVM. The test sells through the sandbox (its clock set to the
 * sales date), books the same transactions in the ledger through payment.events as payment-service would, moves the
 * sandbox to the next day (Toss lists rows from D+1) and reconciles. Every test owns its sales date.
 */
class ReconciliationIT extends AbstractIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R:".getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void cleanSandbox() throws Exception {
        sandbox("DELETE", "/sandbox/settlements/distortions", null);
        sandbox("DELETE", "/sandbox/faults", null);
    }

    @Test
    void findsNothingWhenBothSidesAgreeAcrossHolidaysAndRerunsIdempotently() throws Exception {
        // Tuesday before 추석 2026: card D+3 skips 9/24-9/25 (holidays) and the weekend on both sides.
        LocalDate date = LocalDate.parse("2026-09-22");
        Sold card = sell(date, 10_000, "카드");
        Sold easyPay = sell(date, 5_000, "간편결제");
        Refund refund = cancel(card, 3_000);
        book(card);
        book(easyPay);
        bookCancel(card, refund);
        awaitSettlement(card.orderId(), 2, view -> assertThat(view.get("entries").get(0).get("payoutDate").asString())
                .isEqualTo("2026-09-29"));
        awaitSettlement(easyPay.orderId(), 1, view -> assertThat(view.get("easyPayProvider").asString())
                .isEqualTo("토스페이"));
        nextDay(date);

        JsonNode run = reconcile(date);

        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("ledgerRows").asInt()).isEqualTo(3);
        assertThat(run.get("tossRows").asInt()).isEqualTo(3);
        assertThat(run.get("openMismatches").asInt()).isZero();
        assertThat(mismatches(date, "")).isEmpty();

        JsonNode again = reconcile(date);
        assertThat(again.get("runs").asInt()).isEqualTo(2);
        assertThat(again.get("openMismatches").asInt()).isZero();
    }

    @Test
    void recordsEveryMismatchTheSandboxWasToldToProduceAndResolvesThemOnARerun() throws Exception {
        LocalDate date = LocalDate.parse("2026-10-13");
        Sold distorted = sell(date, 10_000, "카드");
        Sold omitted = sell(date, 20_000, "계좌이체");
        Sold unbooked = sell(date, 7_000, "휴대폰");
        book(distorted);
        book(omitted);
        awaitSettlement(distorted.orderId(), 1, view -> { });
        awaitSettlement(omitted.orderId(), 1, view -> { });
        sandbox("PUT", "/sandbox/settlements/distortions/" + distorted.paymentKey(),
                "{\"transactionKey\":\"" + distorted.transactionKey() + "\",\"feeDelta\":10,\"payoutDateShiftDays\":1}");
        sandbox("PUT", "/sandbox/settlements/distortions/" + omitted.paymentKey(), "{\"omit\":true}");
        nextDay(date);

        JsonNode run = reconcile(date);

        assertThat(run.get("openMismatches").asInt()).isEqualTo(5);
        List<JsonNode> found = mismatches(date, "");
        Map<String, String> kinds = found.stream().collect(Collectors.toMap(
                m -> m.get("paymentKey").asString() + ":" + m.get("kind").asString(), m -> m.get("status").asString()));
        assertThat(kinds).containsOnlyKeys(
                distorted.paymentKey() + ":FEE", distorted.paymentKey() + ":PAYOUT_AMOUNT",
                distorted.paymentKey() + ":PAYOUT_DATE", omitted.paymentKey() + ":MISSING_AT_TOSS",
                unbooked.paymentKey() + ":MISSING_IN_LEDGER");
        assertThat(kinds.values()).containsOnly("OPEN");
        JsonNode fee = only(found, distorted.paymentKey(), "FEE");
        assertThat(fee.get("ledgerValue").asString()).isEqualTo("340");
        assertThat(fee.get("tossValue").asString()).isEqualTo("350");
        assertThat(fee.get("transactionKey").asString()).isEqualTo(distorted.transactionKey());
        assertThat(fee.get("orderId").asString()).isEqualTo(distorted.orderId());
        assertThat(only(found, distorted.paymentKey(), "PAYOUT_DATE").get("tossValue").asString())
                .isEqualTo("2026-10-17");

        JsonNode rerun = reconcile(date);
        assertThat(rerun.get("runs").asInt()).isEqualTo(2);
        assertThat(mismatches(date, "")).as("a re-run adds no duplicates").hasSize(5)
                .extracting(m -> m.get("id").asLong())
                .containsExactlyInAnyOrderElementsOf(found.stream().map(m -> m.get("id").asLong()).toList());

        sandbox("DELETE", "/sandbox/settlements/distortions/" + distorted.paymentKey(), null);
        book(unbooked);
        awaitSettlement(unbooked.orderId(), 1, view -> { });
        JsonNode third = reconcile(date);

        assertThat(third.get("openMismatches").asInt()).isEqualTo(1);
        assertThat(mismatches(date, "OPEN")).singleElement()
                .satisfies(m -> assertThat(m.get("kind").asString()).isEqualTo("MISSING_AT_TOSS"));
        assertThat(mismatches(date, "RESOLVED")).hasSize(4)
                .allSatisfy(m -> assertThat(m.get("resolvedAt").isNull()).isFalse());
    }

    @Test
    void aPersonsDecisionStandsOnARerunUntilTheDifferenceChanges() throws Exception {
        LocalDate date = LocalDate.parse("2026-10-27");
        Sold sold = sell(date, 10_000, "카드");
        book(sold);
        awaitSettlement(sold.orderId(), 1, view -> { });
        sandbox("PUT", "/sandbox/settlements/distortions/" + sold.paymentKey(),
                "{\"transactionKey\":\"" + sold.transactionKey() + "\",\"feeDelta\":10}");
        nextDay(date);
        assertThat(reconcile(date).get("openMismatches").asInt()).isEqualTo(2);
        List<JsonNode> found = mismatches(date, "OPEN");
        long fee = only(found, sold.paymentKey(), "FEE").get("id").asLong();
        long payout = only(found, sold.paymentKey(), "PAYOUT_AMOUNT").get("id").asLong();

        // finance decides: the fee difference is accepted, the payout difference was explained
        assertThat(post("/api/v1/settlements/mismatches/" + fee + "/ignore", "{\"reason\":\"프로모션 수수료\"}",
                "finance.kim").status()).isEqualTo(200);
        assertThat(post("/api/v1/settlements/mismatches/" + payout + "/resolve", "{\"note\":\"수수료 차이에 따른 것\"}",
                "finance.lee").status()).isEqualTo(200);
        assertThat(get("/api/v1/settlements/reconciliations?from=" + date + "&to=" + date).body().get(0)
                .get("openMismatches").asInt()).isZero();

        // the next morning's run finds the same values: the decisions stand
        JsonNode rerun = reconcile(date);
        assertThat(rerun.get("openMismatches").asInt()).isZero();
        assertThat(mismatches(date, "OPEN")).isEmpty();
        JsonNode ignored = only(mismatches(date, "IGNORED"), sold.paymentKey(), "FEE");
        assertThat(ignored.get("resolvedBy").asString()).isEqualTo("finance.kim");
        assertThat(ignored.get("note").asString()).isEqualTo("프로모션 수수료");
        assertThat(only(mismatches(date, "RESOLVED"), sold.paymentKey(), "PAYOUT_AMOUNT").get("resolvedBy").asString())
                .isEqualTo("finance.lee");

        // Toss changes its numbers: a new difference, open again for a person, the old decision cleared
        sandbox("PUT", "/sandbox/settlements/distortions/" + sold.paymentKey(),
                "{\"transactionKey\":\"" + sold.transactionKey() + "\",\"feeDelta\":20}");
        assertThat(reconcile(date).get("openMismatches").asInt()).isEqualTo(2);
        List<JsonNode> reopened = mismatches(date, "OPEN");
        assertThat(reopened).extracting(m -> m.get("id").asLong()).containsExactlyInAnyOrder(fee, payout);
        assertThat(reopened).allSatisfy(m -> {
            assertThat(m.get("resolvedBy").isNull()).isTrue();
            assertThat(m.get("note").isNull()).isTrue();
            assertThat(m.get("resolvedAt").isNull()).isTrue();
        });
        assertThat(only(reopened, sold.paymentKey(), "FEE").get("tossValue").asString()).isEqualTo("360");

        // and when Toss agrees with the ledger, the run resolves them itself, naming no one
        sandbox("DELETE", "/sandbox/settlements/distortions/" + sold.paymentKey(), null);
        assertThat(reconcile(date).get("openMismatches").asInt()).isZero();
        assertThat(mismatches(date, "RESOLVED")).hasSize(2).allSatisfy(m -> {
            assertThat(m.get("resolvedBy").isNull()).isTrue();
            assertThat(m.get("resolvedAt").isNull()).isFalse();
        });
    }

    @Test
    void recordsAFailedRunWhenTossAnswersWithAnErrorAndChangesNothingElse() throws Exception {
        LocalDate date = LocalDate.parse("2026-10-20");
        sandbox("POST", "/sandbox/faults", "{\"endpoint\":\"ANY\",\"errorCode\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\","
                + "\"times\":1}");

        Response failed = post("/api/v1/settlements/reconciliations?date=" + date);

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.body().get("code").asString()).isEqualTo("TOSS_UNAVAILABLE");
        JsonNode run = get("/api/v1/settlements/reconciliations?from=" + date + "&to=" + date).body().get(0);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("lastError").asString()).contains("/v1/settlements");
        assertThat(mismatches(date, "")).isEmpty();
    }

    @Test
    void rejectsBadRequestsWithProblems() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        assertProblem(post("/api/v1/settlements/reconciliations?date=" + today), 400, "RECONCILIATION_TOO_EARLY");
        assertProblem(post("/api/v1/settlements/reconciliations?date=" + today.plusDays(1)), 400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/reconciliations?date=2999-01-01"), 400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/reconciliations?date=2019-12-31"), 400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/reconciliations?date=-0001-01-01"), 400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/reconciliations?date=yesterday"), 400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/reconciliations"), 400, "INVALID_DATE_RANGE");
        assertProblem(get("/api/v1/settlements/mismatches?from=2026-10-01&to=2026-10-31&status=DONE"), 400,
                "INVALID_STATUS");
        assertThat(get("/api/v1/settlements/mismatches?from=2026-10-01&to=2026-10-31&status=ignored").status())
                .isEqualTo(200);
        assertProblem(get("/api/v1/settlements/mismatches?from=2026-10-31&to=2026-10-01"), 400, "INVALID_DATE_RANGE");
    }

    // ---- selling through the sandbox and booking in the ledger ----------------------------------------------------

    record Sold(String orderId, String paymentKey, String transactionKey, String method, long amount, Instant at) {
    }

    record Refund(String transactionKey, long amount, long balance, Instant at) {
    }

    private Sold sell(LocalDate date, long amount, String method) throws Exception {
        SANDBOX_CLOCK.set(date.atTime(11, 0).atOffset(java.time.ZoneOffset.ofHours(9)).toInstant());
        String orderId = newOrderId();
        JsonNode created = sandbox("POST", "/sandbox/payments", """
                {"orderId":"%s","amount":%d,"orderName":"대사 테스트","method":"%s"}""".formatted(orderId, amount,
                method));
        String paymentKey = created.get("paymentKey").asString();
        JsonNode confirmed = sandbox("POST", "/v1/payments/confirm", """
                {"paymentKey":"%s","orderId":"%s","amount":%d}""".formatted(paymentKey, orderId, amount));
        return new Sold(orderId, paymentKey, confirmed.get("lastTransactionKey").asString(),
                confirmed.get("method").asString(), amount,
                OffsetDateTime.parse(confirmed.get("approvedAt").asString()).toInstant());
    }

    private Refund cancel(Sold sold, long amount) throws Exception {
        JsonNode canceled = sandbox("POST", "/v1/payments/" + sold.paymentKey() + "/cancel",
                "{\"cancelReason\":\"부분 취소\",\"cancelAmount\":" + amount + "}");
        JsonNode last = canceled.get("cancels").get(canceled.get("cancels").size() - 1);
        return new Refund(last.get("transactionKey").asString(), amount, canceled.get("balanceAmount").asLong(),
                OffsetDateTime.parse(last.get("canceledAt").asString()).toInstant());
    }

    private void book(Sold sold) {
        publish(EventEnvelope.of(new PaymentApproved(sold.orderId(), sold.paymentKey(), "customer-1", "대사 테스트",
                sold.method(), "간편결제".equals(sold.method()) ? "토스페이" : null, sold.amount(), "KRW",
                sold.transactionKey(), sold.at(), List.of(new LineItem("TSHIRT", "토스 티셔츠", 1, sold.amount()))),
                sold.at().plusMillis(50)));
    }

    private void bookCancel(Sold sold, Refund refund) {
        publish(EventEnvelope.of(new PaymentCanceled(sold.orderId(), sold.paymentKey(), sold.method(), sold.amount(),
                refund.amount(), refund.balance(), refund.transactionKey(), "부분 취소", CancelCause.MANUAL,
                refund.at()), refund.at().plusMillis(50)));
    }

    private static void nextDay(LocalDate date) {
        SANDBOX_CLOCK.set(date.plusDays(1).atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(9)).toInstant());
    }

    private JsonNode reconcile(LocalDate date) {
        Response response = post("/api/v1/settlements/reconciliations?date=" + date);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("date").asString()).isEqualTo(date.toString());
        return response.body();
    }

    private List<JsonNode> mismatches(LocalDate date, String status) {
        Response response = get("/api/v1/settlements/mismatches?from=" + date + "&to=" + date
                + (status.isEmpty() ? "" : "&status=" + status));
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        response.body().forEach(all::add);
        return all;
    }

    private static JsonNode only(List<JsonNode> mismatches, String paymentKey, String kind) {
        return mismatches.stream().filter(m -> m.get("paymentKey").asString().equals(paymentKey)
                && m.get("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    private Response post(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(90)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        Http.AS_SERVICE.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sandbox(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SANDBOX_URL + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", AUTH);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }
}
