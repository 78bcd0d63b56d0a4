package com.acme.shop.admin.payment;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.DownstreamStub;
import com.acme.shop.admin.DownstreamStub.Reply;
import com.acme.shop.admin.SagaEvents;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditEntry;
import com.acme.shop.admin.audit.AuditFilter;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment screens against a stubbed payment-service speaking its contract: search, detail, the manual refund with
 * its confirmation step, the re-check, and what each leaves in the audit log.
 */
class PaymentConsoleIT extends AbstractIntegrationTest {

    private static final String SEARCH = "/api/v1/payments/search";

    private static String details(String orderId, String status, long balance, long cancelable, boolean accountRequired) {
        return """
                {"payment":{"orderId":"%s","status":"%s","orderName":"토스 티셔츠 외 1건","customerId":"<script>alert('c')</script>",
                 "amount":39000,"balanceAmount":%d,"canceledAmount":%d,"currency":"KRW","paymentKey":"tgen_pk_%s",
                 "method":"카드","approvedAt":"2026-11-30T03:00:00Z","createdAt":"2026-11-30T02:59:00Z",
                 "items":[{"productId":"TSHIRT-BLK-M","productName":"토스 티셔츠","quantity":2,"unitPrice":15000}],
                 "card":{"issuerCode":"71","number":"12345678****000*","installmentMonths":0,"approveNo":"00000000","cardType":"신용"},
                 "receiptUrl":"https://dashboard.tosspayments.com/receipt/redirection?transactionId=tx1&ref=PX"},
                 "cancelableAmount":%d,"refundAccountRequired":%b,
                 "refunds":[{"requestId":"req-old","orderId":"%s","cause":"MANUAL","requestedAmount":1000,"reason":"<b>이전</b>",
                   "status":"SUCCEEDED","attempts":1,"requestedBy":"kim","createdAt":"2026-11-30T03:10:00Z","completedAt":"2026-11-30T03:10:02Z"}],
                 "pgRequests":[{"kind":"CONFIRM","attempt":1,"idempotencyKey":"confirm-%s-1","outcome":"APPROVED","httpStatus":200,
                   "createdAt":"2026-11-30T02:59:30Z","completedAt":"2026-11-30T02:59:31Z"}],
                 "webhooks":[{"id":7,"eventType":"PAYMENT_STATUS_CHANGED","orderId":"%s","claimedStatus":"DONE","state":"PROCESSED",
                   "attempts":1,"receivedAt":"2026-11-30T03:00:05Z"}],
                 "securityEvents":[{"kind":"AMOUNT_MISMATCH","detail":"tampered","remoteAddr":"10.0.0.9","createdAt":"2026-11-30T02:59:10Z"}]}
                """.formatted(orderId, status, balance, 39_000 - balance, orderId, cancelable, accountRequired, orderId,
                orderId, orderId);
    }

    @Test
    void searchesWithTheFormsConditionsAndShowsTextAsText() {
        SERVICES.reply(SEARCH, request -> Reply.json("""
                {"items":[{"orderId":"ord_search_0001","status":"DONE","orderName":"토스 티셔츠","customerId":"<script>alert(1)</script>",
                  "amount":12000,"balanceAmount":12000,"method":"카드","paymentKey":"pk1","createdAt":"2026-11-30T03:00:00Z"}],
                 "nextCursor":"next-1","total":10000,"totalCapped":true}"""));
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);

        Answer page = viewer.get("/payments?from=2026-11-01&to=2026-11-30&status=DONE&status=CANCELED&method="
                + "%EC%B9%B4%EB%93%9C&customerId=kim.c%40shop&minAmount=1,000&sort=amount&direction=asc");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("결제 검색", "10,000건 이상", "12,000원", "2026-11-30 12:00:00",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "더 보기", "cursor=next-1")
                .doesNotContain("<script>alert(1)</script>");
        DownstreamStub.Request asked = SERVICES.requestsFor(SEARCH).getLast();
        assertThat(asked.param("from")).containsExactly("2026-11-01");
        assertThat(asked.param("status")).containsExactly("DONE", "CANCELED");
        assertThat(asked.param("method")).containsExactly("카드");
        assertThat(asked.param("customerId")).containsExactly("kim.c@shop");
        assertThat(asked.param("minAmount")).containsExactly("1000");
        assertThat(asked.param("sort")).containsExactly("amount");
        assertThat(asked.param("direction")).containsExactly("asc");
        assertThat(asked.header("x-operator")).isEqualTo("it-viewer");

        Answer more = viewer.get("/payments/results?from=2026-11-01&to=2026-11-30&cursor=next-1");
        assertThat(more.body()).contains("ord_search_0001").doesNotContain("<html");
        assertThat(SERVICES.requestsFor(SEARCH).getLast().param("cursor")).containsExactly("next-1");
    }

    @Test
    void downloadsTheSearchAsExcelAndAuditsTheDownload() {
        SERVICES.reply(SEARCH, request -> Reply.json(request.param("cursor").isEmpty()
                ? "{\"items\":[{\"orderId\":\"ord_xlsx_0001\",\"status\":\"DONE\",\"amount\":5000,\"balanceAmount\":5000,\"createdAt\":\"2026-11-30T03:00:00Z\"}],\"nextCursor\":\"p2\",\"total\":2,\"totalCapped\":false}"
                : "{\"items\":[{\"orderId\":\"ord_xlsx_0002\",\"status\":\"CANCELED\",\"amount\":7000,\"balanceAmount\":0,\"createdAt\":\"2026-11-30T02:00:00Z\"}],\"nextCursor\":null,\"total\":2,\"totalCapped\":false}"));
        Browser viewer = signedIn("it-xlsx-viewer", OperatorRole.VIEWER);

        Answer file = viewer.get("/payments/export.xlsx?from=2026-11-01&to=2026-11-30");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("X-Export-Rows")).contains("2");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
        AuditEntry audited = latest("it-xlsx-viewer", AuditAction.PAYMENT_EXPORT);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(audited.after()).contains("\"rows\":2");
    }

    @Test
    void theDetailShowsTossFactsRefundsAndOneTimelineAcrossServices() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId + "/details", Reply.json(details(orderId, "PARTIAL_CANCELED", 38_000,
                38_000, false)));
        SETTLEMENT.reply("/api/v1/settlements/payments/" + orderId, Reply.json("""
                {"orderId":"%s","grossAmount":39000,"canceledAmount":1000,"feeAmount":1170,"vatAmount":117,"netAmount":36713,
                 "entries":[{"type":"SALE","transactionKey":"tx1","amount":39000,"fee":1170,"vat":117,"net":37713,
                   "salesDate":"2026-11-30","payoutDate":"2026-12-02","occurredAt":"2026-11-30T03:00:01Z"}]}""".formatted(orderId)));

        Answer page = signedIn("it-viewer", OperatorRole.VIEWER).get("/payments/" + orderId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("결제 상세", orderId, "부분 취소", "카드 발급사 코드", "71", "12345678****000*", "일시불",
                "00000000", "신용", "영수증 보기", "https://dashboard.tosspayments.com/receipt/redirection", "38,000원",
                "&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;", "&lt;b&gt;이전&lt;/b&gt;", "승인 요청 #1", "웹훅 PAYMENT_STATUS_CHANGED",
                "보안 이벤트 AMOUNT_MISMATCH", "정산 SALE 39,000원", "36,713원", "2026-11-30 12:00:00")
                .doesNotContain("<script>alert", "<b>이전</b>");
        assertThat(page.body()).as("a VIEWER sees no refund form").doesNotContain("id=\"refund-form\"", "수동 환불");
        // the timeline runs in time order: the security event (11:59:10) before the confirm attempt (11:59:30)
        assertThat(page.body().indexOf("보안 이벤트 AMOUNT_MISMATCH")).isLessThan(page.body().indexOf("승인 요청 #1"));
    }

    @Test
    void anOperatorRefundsPartOfAPaymentThroughAConfirmationStepAndItIsAudited() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId + "/details", Reply.json(details(orderId, "DONE", 39_000, 39_000, false)));
        SERVICES.reply("/api/v1/payments/" + orderId + "/refunds", request -> Reply.status(202,
                "{\"requestId\":\"" + JSON.readTree(request.body()).path("requestId").asString() + "\",\"orderId\":\"" + orderId
                        + "\",\"cause\":\"MANUAL\",\"requestedAmount\":10000,\"status\":\"REQUESTED\",\"attempts\":0}",
                "application/json"));
        Browser operator = operator();
        Answer detail = operator.get("/payments/" + orderId);
        assertThat(detail.body()).contains("id=\"refund-form\"", "수동 환불", "환불 가능 금액", "고객 변심", "중복 결제", "기타");
        String requestId = detail.body().replaceAll("(?s).*name=\"requestId\" value=\"([0-9a-f-]{36})\".*", "$1");
        Map<String, String> form = Map.of("requestId", requestId, "scope", "partial", "amount", "10,000",
                "reasonCode", "상품 불량", "reasonText", "<script>alert('r')</script>");

        Answer confirmation = operator.htmxPost("/payments/" + orderId + "/refund-confirmation", form);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains("환불 확인", "10,000원", "(부분)", "29,000원", "환불 실행",
                "상품 불량: &lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;", requestId);
        assertThat(SERVICES.requestsFor("/api/v1/payments/" + orderId + "/refunds")).as("nothing refunded yet").isEmpty();

        Answer accepted = operator.htmxPost("/payments/" + orderId + "/refunds", form);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("환불 요청이 접수되었습니다", requestId);
        assertThat(accepted.headers().firstValue("HX-Trigger")).contains("payment-changed");
        DownstreamStub.Request sent = SERVICES.requestsFor("/api/v1/payments/" + orderId + "/refunds").getFirst();
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("requestId").asString()).isEqualTo(requestId);
        assertThat(body.path("amount").asLong()).isEqualTo(10_000);
        assertThat(body.path("reason").asString()).isEqualTo("상품 불량: <script>alert('r')</script>");
        assertThat(body.has("refundAccount")).isFalse();
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + TestInfrastructure.SERVICE_TOKEN);
        assertThat(sent.header("x-operator")).isEqualTo("it-operator");
        AuditEntry audited = latest("it-operator", AuditAction.REFUND);
        assertThat(audited.target()).isEqualTo(orderId);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(audited.reason()).contains("10,000원", "상품 불량");
        assertThat(audited.before()).contains("\"balanceAmount\":39000", "\"cancelableAmount\":39000");
        assertThat(audited.after()).contains(requestId, "REQUESTED", "\"duplicate\":false");
        assertThat(audited.clientAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void paymentServicesRefusalIsShownInKoreanWithTheAmountLeftAndAudited() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId + "/details", Reply.json(details(orderId, "DONE", 39_000, 39_000, false)));
        SERVICES.reply("/api/v1/payments/" + orderId + "/refunds", Reply.status(409,
                "{\"status\":409,\"code\":\"REFUND_EXCEEDS_CANCELABLE\",\"detail\":\"exceeds\",\"cancelableAmount\":5000}",
                "application/problem+json"));

        Answer refused = operator().htmxPost("/payments/" + orderId + "/refunds", Map.of("requestId",
                "0b5d2c1e-8a4f-4c3b-9e2d-7f6a5b4c3d2e", "scope", "partial", "amount", "9000", "reasonCode", "고객 변심"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("REFUND_EXCEEDS_CANCELABLE");
        assertThat(refused.json().path("detail").asString()).isEqualTo("환불 가능 금액을 초과했습니다 (남은 금액 5,000원)");
        assertThat(refused.json().path("cancelableAmount").asLong()).isEqualTo(5_000);
        AuditEntry audited = latest("it-operator", AuditAction.REFUND);
        assertThat(audited.target()).isEqualTo(orderId);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(audited.problemCode()).isEqualTo("REFUND_EXCEEDS_CANCELABLE");
    }

    @Test
    void aVirtualAccountRefundNeedsTheCustomersAccountBeforeAnythingIsSent() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId + "/details", Reply.json(details(orderId, "DONE", 39_000, 39_000, true)));
        Browser operator = operator();
        assertThat(operator.get("/payments/" + orderId).body()).contains("고객 환불 계좌", "name=\"accountNumber\"");
        Map<String, String> form = Map.of("requestId", "3c1e2d4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "scope", "full",
                "reasonCode", "주문 취소");

        Answer refused = operator.htmxPost("/payments/" + orderId + "/refund-confirmation", form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("은행 코드");
        assertThat(SERVICES.requestsFor("/api/v1/payments/" + orderId + "/refunds")).isEmpty();
    }

    @Test
    void aViewersHandMadeRefundIsRefusedAtTheDoorAndAudited() {
        String orderId = SagaEvents.newOrderId();
        Browser viewer = signedIn("it-refund-viewer", OperatorRole.VIEWER);

        Answer refused = viewer.htmxPost("/payments/" + orderId + "/refunds", Map.of("requestId",
                "3c1e2d4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "scope", "full", "reasonCode", "주문 취소"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(SERVICES.requestsFor("/api/v1/payments/" + orderId + "/refunds")).isEmpty();
        AuditEntry audited = latest("it-refund-viewer", AuditAction.REFUND);
        assertThat(audited.target()).isEqualTo(orderId);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(audited.problemCode()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void theRecheckAsksPaymentServiceAndSaysWhatChanged() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId + "/details", Reply.json(details(orderId, "MANUAL_REVIEW", 39_000, 0, false)));
        SERVICES.reply("/api/v1/payments/" + orderId + "/recheck", Reply.json("{\"payment\":{\"orderId\":\"" + orderId
                + "\",\"status\":\"DONE\",\"amount\":39000,\"balanceAmount\":39000},\"changed\":true,\"outcome\":\"토스 DONE: 승인 처리\"}"));
        Browser operator = operator();
        assertThat(operator.get("/payments/" + orderId).body()).contains("토스에서 다시 확인");

        Answer rechecked = operator.htmxPost("/payments/" + orderId + "/recheck", Map.of());

        assertThat(rechecked.status()).isEqualTo(200);
        assertThat(rechecked.body()).contains("토스 상태로 갱신했습니다.", "토스 DONE: 승인 처리", "DONE");
        AuditEntry audited = latest("it-operator", AuditAction.RECHECK);
        assertThat(audited.target()).isEqualTo(orderId);
        assertThat(audited.before()).contains("MANUAL_REVIEW");
        assertThat(audited.after()).contains("\"changed\":true", "DONE");
    }

    private AuditEntry latest(String username, AuditAction action) {
        List<AuditEntry> found = context.getBean(AuditTrail.class).find(new AuditFilter(Instant.EPOCH,
                clock.instant().plusSeconds(60), username, action, null, null), 1);
        assertThat(found).as("audit of " + action + " by " + username).isNotEmpty();
        return found.getFirst();
    }
}
