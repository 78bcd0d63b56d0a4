package com.acme.shop.admin.finance;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.DownstreamStub.Reply;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditEntry;
import com.acme.shop.admin.audit.AuditFilter;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.operator.OperatorRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance dashboard, the review queues and the home page's counts against stubbed payment and settlement. */
class FinanceAndQueuesIT extends AbstractIntegrationTest {

    private static final String MISMATCH = """
            {"id":41,"salesDate":"2026-11-20","kind":"FEE","kindLabel":"수수료 불일치","status":"%s","orderId":"ord_mm_000001",
             "ledgerValue":"1170","tossValue":"1180"}""";

    @AfterEach
    void quiet() {
        SETTLEMENT.reply("/api/v1/settlements/mismatches", Reply.json("[]"));
    }

    @Test
    void theChartsSumEveryMethodPerDayAndPerMonth() {
        SETTLEMENT.reply("/api/v1/settlements/daily", Reply.json("""
                [{"date":"2026-11-01","method":"카드","count":2,"gross":30000,"canceled":1000,"fee":900,"vat":90,"net":28010},
                 {"date":"2026-11-01","method":"간편결제","count":1,"gross":10000,"canceled":0,"fee":300,"vat":30,"net":9670}]"""));
        SETTLEMENT.reply("/api/v1/settlements/monthly", Reply.json("""
                [{"month":"2026-11","method":"카드","count":2,"gross":30000,"canceled":1000,"fee":900,"vat":90,"net":28010}]"""));
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);

        JsonNode charts = viewer.get("/finance/charts?from=2026-11-01&to=2026-11-03").json();

        assertThat(charts.path("daily").path("labels").toString()).isEqualTo("[\"2026-11-01\",\"2026-11-02\",\"2026-11-03\"]");
        assertThat(charts.path("daily").path("gross").toString()).isEqualTo("[40000,0,0]");
        assertThat(charts.path("daily").path("net").get(0).asLong()).isEqualTo(37_680);
        assertThat(charts.path("monthly").path("labels")).hasSize(12);
        assertThat(charts.path("monthly").path("refunds").get(11).asLong()).isEqualTo(1_000);
        String asked = SETTLEMENT.requestsFor("/api/v1/settlements/monthly").getLast().query();
        assertThat(asked).isEqualTo("from=2025-12&to=2026-11");
    }

    @Test
    void theDashboardStaysUpWhenASectionsServiceDoesNotAnswerAndOffersExportsToFinanceOnly() {
        SETTLEMENT.reply("/api/v1/settlements/payouts/upcoming", Reply.json("[{\"payoutDate\":\"2026-12-02\",\"count\":3,\"netAmount\":120000}]"));
        SERVICES.reply("/api/v1/payments/stats", Reply.json("""
                {"byMethod":[{"method":"카드","attempts":10,"approved":9,"declined":1,"approvalRate":0.9}],
                 "byErrorCode":[{"code":"REJECT_CARD_COMPANY","count":1}],"approvedAmount":100000,"refundedAmount":5000,"refundRate":0.05}"""));

        Answer finance = signedIn("it-finance", OperatorRole.FINANCE).get("/finance");
        Answer viewer = signedIn("it-viewer", OperatorRole.VIEWER).get("/finance");

        assertThat(finance.status()).isEqualTo(200);
        assertThat(finance.body()).contains("정산 대시보드", "120,000원", "2026-12-02", "90.0%", "REJECT_CARD_COMPANY", "5.0%",
                "id=\"export-form\"", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js", "/dashboard.js");
        assertThat(viewer.body()).contains("정산 대시보드").doesNotContain("id=\"export-form\"");
    }

    @Test
    void financeResolvesAndIgnoresMismatchesAndEachIsAudited() {
        SETTLEMENT.reply("/api/v1/settlements/mismatches", Reply.json("[" + MISMATCH.formatted("OPEN") + "]"));
        SETTLEMENT.reply("/api/v1/settlements/mismatches/41/resolve", Reply.json(MISMATCH.formatted("RESOLVED")));
        SETTLEMENT.reply("/api/v1/settlements/mismatches/41/ignore", Reply.json(MISMATCH.formatted("IGNORED")));
        Browser finance = signedIn("it-finance", OperatorRole.FINANCE);
        assertThat(finance.get("/finance").body()).contains("수수료 불일치", "ord_mm_000001", "해소", "무시");
        assertThat(finance.get("/queues").body()).contains("수수료 불일치");

        Answer resolved = finance.htmxPost("/finance/mismatches/41/resolve", Map.of("note", "토스 정산 재확인: 수수료 정정"));
        Answer ignored = finance.htmxPost("/finance/mismatches/41/ignore", Map.of("reason", "테스트 거래"));

        assertThat(resolved.body()).contains("처리했습니다: RESOLVED");
        assertThat(ignored.body()).contains("처리했습니다: IGNORED");
        assertThat(JSON.readTree(SETTLEMENT.requestsFor("/api/v1/settlements/mismatches/41/resolve").getLast().body())
                .path("note").asString()).isEqualTo("토스 정산 재확인: 수수료 정정");
        AuditEntry audited = latest("it-finance", AuditAction.MISMATCH_IGNORE);
        assertThat(audited.target()).isEqualTo("41");
        assertThat(audited.reason()).isEqualTo("테스트 거래");
        assertThat(audited.after()).contains("IGNORED");
        assertThat(signedIn("it-operator", OperatorRole.OPERATOR).htmxPost("/finance/mismatches/41/resolve",
                Map.of("note", "x")).status()).isEqualTo(403);
    }

    @Test
    void theExportRunsAsAJobWhoseProgressIsPolledUntilTheFileIsOffered() {
        SETTLEMENT.reply("/api/v1/settlements/exports", Reply.status(202,
                "{\"id\":\"job-7\",\"status\":\"RUNNING\",\"progress\":40,\"rows\":null}", "application/json"));
        SETTLEMENT.reply("/api/v1/settlements/exports/job-7", Reply.json("{\"id\":\"job-7\",\"status\":\"DONE\",\"progress\":100,\"rows\":1234}"));
        SETTLEMENT.reply("/api/v1/settlements/exports/job-7/file", new Reply(200, "PK-fake-xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null));
        Browser finance = signedIn("it-finance", OperatorRole.FINANCE);

        Answer started = finance.htmxPost("/finance/exports", Map.of("from", "2026-11-01", "to", "2026-11-30"));
        assertThat(started.body()).contains("<progress", "value=\"40\"", "hx-trigger=\"every 1s\"", "/finance/exports/job-7");
        Answer done = finance.get("/finance/exports/job-7");
        assertThat(done.body()).contains("value=\"100\"", "1234행", "엑셀 받기", "/finance/exports/job-7/file")
                .doesNotContain("hx-trigger");
        Answer file = finance.get("/finance/exports/job-7/file");
        assertThat(file.body()).isEqualTo("PK-fake-xlsx");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(latest("it-finance", AuditAction.SETTLEMENT_EXPORT).target()).isEqualTo("2026-11-01~2026-11-30");
    }

    @Test
    void financeDownloadsTheWorkbookStraightFromSettlementServicesExport() {
        SETTLEMENT.reply("/api/v1/settlements/export.xlsx", new Reply(200, "PK-workbook",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null));

        Answer file = signedIn("it-finance", OperatorRole.FINANCE).get("/finance/export.xlsx?from=2026-11-01&to=2026-11-30");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("PK-workbook");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(SETTLEMENT.requestsFor("/api/v1/settlements/export.xlsx").getLast().query())
                .isEqualTo("from=2026-11-01&to=2026-11-30");
        assertThat(latest("it-finance", AuditAction.SETTLEMENT_EXPORT).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(signedIn("it-viewer", OperatorRole.VIEWER).get("/finance/export.xlsx?from=2026-11-01&to=2026-11-30")
                .status()).isEqualTo(403);
    }

    @Test
    void theHomePageCountsEveryQueueAndTheQueuesOfferTheirActions() {
        SERVICES.reply("/api/v1/payments/queues", Reply.json("""
                {"manualReview":2,"outcomeUnknown":1,"parkedRefunds":3,"refusedWebhooks":4,"failedWebhooks":1}"""));
        SETTLEMENT.reply("/api/v1/settlements/mismatches", Reply.json("[" + MISMATCH.formatted("OPEN") + "]"));
        SERVICES.reply("/api/v1/payments", request -> Reply.json("MANUAL_REVIEW".equals(request.param("status").getFirst())
                ? "[{\"orderId\":\"ord_review_0001\",\"status\":\"MANUAL_REVIEW\",\"amount\":5000,\"reviewReason\":\"budget spent\"}]"
                : "[]"));
        SERVICES.reply("/api/v1/refunds", Reply.json("""
                [{"requestId":"comp-ord_parked_0001","orderId":"ord_parked_0001","cause":"ORDER_CREATION_FAILED","requestedAmount":7000,
                  "reason":"재고 부족","status":"PARKED","attempts":12,"lastError":"REFUND_ACCOUNT_REQUIRED: 가상계좌 환불 계좌 없음"}]"""));
        SERVICES.reply("/api/v1/webhooks", request -> Reply.json("REFUSED".equals(request.param("state").getFirst())
                ? "[{\"id\":91,\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"orderId\":\"ord_hook_0001\",\"state\":\"REFUSED\"}]" : "[]"));
        SERVICES.reply("/api/v1/webhooks/91", Reply.json("{\"id\":91,\"state\":\"REFUSED\",\"rawBody\":\"{\\\"eventType\\\":\\\"<img src=x>\\\"}\"}"));
        SERVICES.reply("/api/v1/webhooks/91/reprocess", Reply.json("{\"id\":91,\"state\":\"PROCESSED\",\"outcome\":\"APPLIED\",\"orderId\":\"ord_hook_0001\"}"));
        SERVICES.reply("/api/v1/refunds/comp-ord_parked_0001/retry", Reply.json("""
                {"requestId":"comp-ord_parked_0001","orderId":"ord_parked_0001","status":"RETRYING","attempts":13}"""));
        Browser operator = operator();

        Answer home = operator.get("/");
        assertThat(home.body()).contains("수동 검토", ">2<", ">3<", ">5<", "대사 불일치");
        Answer queues = operator.get("/queues");
        assertThat(queues.body()).contains("ord_review_0001", "토스에서 다시 확인", "ord_parked_0001", "지금 재시도",
                "name=\"accountNumber\"", "ord_hook_0001", "원문 보기", "재처리");

        assertThat(operator.get("/webhooks/91").body()).contains("&lt;img src=x&gt;").doesNotContain("<img");
        assertThat(operator.htmxPost("/webhooks/91/reprocess", Map.of()).body()).contains("재처리했습니다", "PROCESSED");
        Answer retried = operator.htmxPost("/refunds/comp-ord_parked_0001/retry", Map.of("orderId", "ord_parked_0001",
                "bankCode", "88", "accountNumber", "110-123-456789", "holderName", "김토스"));
        assertThat(retried.body()).contains("재시도했습니다", "RETRYING");
        JsonNode sent = JSON.readTree(SERVICES.requestsFor("/api/v1/refunds/comp-ord_parked_0001/retry").getLast().body());
        assertThat(sent.path("refundAccount").path("accountNumber").asString()).isEqualTo("110123456789");
        assertThat(latest("it-operator", AuditAction.WEBHOOK_REPROCESS).after()).contains("PROCESSED");
        assertThat(latest("it-operator", AuditAction.REFUND_RETRY).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    private AuditEntry latest(String username, AuditAction action) {
        List<AuditEntry> found = context.getBean(AuditTrail.class).find(new AuditFilter(Instant.EPOCH,
                clock.instant().plusSeconds(60), username, action, null, null), 1);
        assertThat(found).as("audit of " + action).isNotEmpty();
        return found.getFirst();
    }
}
