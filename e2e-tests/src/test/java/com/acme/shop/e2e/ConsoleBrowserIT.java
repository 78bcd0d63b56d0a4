package com.acme.shop.e2e;

import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin console in a real headless Chromium against the whole system (the four services, the Toss sandbox, MariaDB
 * and Kafka), the scenarios of issue #12: sign in; search by date and status; open a payment; refund part of it and
 * see the cancel, the timeline entry and the audit entry; a VIEWER sees no refund button and a hand-made POST is
 * refused; anonymous is sent to the sign-in page; a POST without the CSRF token is refused; a {@code <script>} in a
 * refund reason is shown as text; a double-submitted refund applies once; two concurrent partial refunds that together
 * exceed the balance: one succeeds, one is refused with the amount left; the re-check of a MANUAL_REVIEW payment that
 * Toss holds as DONE runs the saga. Screenshots of the main pages go to target/screenshots.
 *
 * <p>One system, one browser for the whole class; each person gets a browser context of their own (their cookies).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    static final Duration DEADLINE = Duration.ofSeconds(45);
    static final String PASSWORD = "e2e-console-password-1";
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    static final String OPERATOR = "e2e-operator-" + SUFFIX;
    static final String VIEWER = "e2e-viewer-" + SUFFIX;
    static final String FINANCE = "e2e-finance-" + SUFFIX;

    final LocalSystem system = LocalSystem.get();
    private Playwright playwright;
    private Browser browser;
    private final Path screenshots = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
    /** What the browser refused under the CSP, and script errors, on any page of any test. */
    private final List<String> browserComplaints = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void startTheBrowserAndCreateTheAccounts() throws Exception {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        Files.createDirectories(screenshots);
        // the operators screen, as the bootstrap ADMIN uses it
        Page admin = signIn(LocalSystem.ADMIN_USERNAME, LocalSystem.ADMIN_PASSWORD);
        admin.navigate(system.admin + "/operators");
        for (String[] account : List.of(new String[] {OPERATOR, "OPERATOR"}, new String[] {VIEWER, "VIEWER"},
                new String[] {FINANCE, "FINANCE"})) {
            Locator form = admin.locator("#create-operator");
            form.locator("input[name=username]").fill(account[0]);
            form.locator("input[name=displayName]").fill("e2e " + account[1]);
            form.locator("input[name=roles][value=" + account[1] + "]").check();
            form.locator("input[name=password]").fill(PASSWORD);
            form.locator("button[type=submit]").click();
            admin.locator("tr.operator-row[data-username='" + account[0] + "']").waitFor();
            form.locator("input[name=roles][value=" + account[1] + "]").uncheck();
        }
        shot(admin, "operators");
        admin.context().close();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void anonymousIsSentToTheSignInPageAndAnExpiredSessionSaysSo() {
        BrowserContext context = newContext();
        Page page = context.newPage();

        page.navigate(system.admin + "/payments");
        assertThat(page.url()).endsWith("/login");
        assertThat(page.locator("h2").textContent()).isEqualTo("로그인");
        shot(page, "login");

        page.locator("#username").fill(OPERATOR);
        page.locator("#password").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        // back where the browser was going (Spring Security marks the return with ?continue)
        page.waitForURL(url -> url.startsWith(system.admin + "/payments"));
        assertThat(page.locator("#signed-in").textContent()).contains(OPERATOR, "운영자(OPERATOR)");

        // the session ends (30 minutes idle, or the service restarted): the cookie names a session that is gone
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("ADMIN_SESSION", "expired-session-id")
                .setUrl(system.admin)));
        page.navigate(system.admin + "/queues");
        assertThat(page.url()).endsWith("/login?expired");
        assertThat(page.locator("p.notice").textContent()).contains("세션이 만료되었습니다");
        context.close();
    }

    @Test
    void anOperatorSearchesOpensRefundsPartAndSeesTheCancelTheTimelineAndTheAudit() {
        Paid paid = pay("e2e-search");
        Page page = signIn(OPERATOR, PASSWORD);

        // search by date and status
        page.navigate(system.admin + "/payments");
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        page.locator("input[name=from]").fill(today);
        page.locator("input[name=to]").fill(today);
        page.locator("input[name=status][value=DONE]").check();
        page.locator("#search-submit").click();
        Locator row = page.locator("tr.result-row[data-order-id='" + paid.orderId() + "']");
        row.waitFor();
        assertThat(page.url()).contains("status=DONE", "from=" + today);
        assertThat(page.locator("#result-count").textContent()).matches("[0-9,]+건( 이상)?");
        assertThat(row.textContent()).contains(won(paid.amount()), "결제 완료");
        shot(page, "search");

        // open it
        row.locator("a").click();
        page.waitForURL(system.admin + "/payments/" + paid.orderId());
        assertThat(page.locator("#facts").textContent()).contains("카드 발급사 코드", "승인번호", "카드");
        assertThat(page.locator("#cancelable-amount").textContent()).isEqualTo(won(paid.amount()));
        shot(page, "detail");

        // refund part of it, through the confirmation step
        page.locator("#scope-partial").check();
        page.locator("#refund-amount").fill("10000");
        page.locator("#reason-code").selectOption("상품 불량");
        page.locator("#reason-text").fill("<script>window.__xss = 1</script> 1개 반품");
        page.locator("#refund-next").click();
        Locator confirmation = page.locator("#refund-confirmation");
        confirmation.waitFor();
        assertThat(page.locator("#confirm-amount").textContent()).isEqualTo("10,000원");
        assertThat(page.locator("#confirm-reason").textContent()).isEqualTo("상품 불량: <script>window.__xss = 1</script> 1개 반품");
        shot(page, "refund-confirm");
        page.locator("#refund-execute").click();
        page.locator("#refund-accepted").waitFor();

        // the cancel, the timeline entry and the audit entry appear as payment-service and the saga report them
        page.locator("#refunds tr.refund-row[data-status=SUCCEEDED]").waitFor(new Locator.WaitForOptions()
                .setTimeout(DEADLINE.toMillis()));
        assertThat(page.locator("#balance-amount").textContent()).isEqualTo(won(paid.amount() - 10_000));
        page.locator("#timeline li[data-source='사가']").filter(new Locator.FilterOptions().setHasText("환불 10,000원"))
                .waitFor(new Locator.WaitForOptions().setTimeout(DEADLINE.toMillis()));
        Locator audit = page.locator("#payment-audit tr.audit-row[data-action=REFUND][data-outcome=SUCCEEDED]");
        assertThat(audit.count()).isEqualTo(1);
        assertThat(audit.textContent()).contains(OPERATOR, "10,000원", "<script>window.__xss = 1</script>");
        // a <script> in a refund reason is text everywhere it shows, never run
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        assertThat(page.locator("#refunds td.reason").first().textContent()).contains("<script>");
        shot(page, "detail-refunded");
        JsonNode atToss = Http.get(system.sandbox + "/sandbox/payments/" + paid.paymentKey()).body();
        assertThat(atToss.get("balanceAmount").asLong()).isEqualTo(paid.amount() - 10_000);

        page.navigate(system.admin + "/audit?action=REFUND&target=" + paid.orderId());
        assertThat(page.locator("#audit-rows tr.audit-row[data-outcome=SUCCEEDED]").count()).isEqualTo(1);
        shot(page, "audit");
        // htmx ran the whole flow under the CSP (default-src 'self') without a refusal or a script error
        assertThat(browserComplaints).isEmpty();
        page.context().close();
    }

    @Test
    void aViewerSeesNoRefundButtonAndAHandMadePostIsRefused() {
        Paid paid = pay("e2e-viewer");
        Page page = signIn(VIEWER, PASSWORD);

        page.navigate(system.admin + "/payments/" + paid.orderId());
        assertThat(page.locator("#facts").isVisible()).isTrue();
        assertThat(page.locator("#refund-form").count()).isZero();
        assertThat(page.locator("#refund-panel").count()).isZero();

        String token = page.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse answer = page.request().post(system.admin + "/payments/" + paid.orderId() + "/refunds",
                RequestOptions.create().setHeader("X-CSRF-TOKEN", token).setHeader("Accept", "application/json")
                        .setForm(FormData.create().set("requestId", UUID.randomUUID().toString()).set("scope", "full")
                                .set("reasonCode", "고객 변심")));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"code\":\"ACCESS_DENIED\"");
        assertThat(details(paid.orderId()).path("refunds")).isEmpty();
        page.context().close();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Paid paid = pay("e2e-csrf");
        Page page = signIn(OPERATOR, PASSWORD);
        page.navigate(system.admin + "/payments/" + paid.orderId());

        APIResponse withoutToken = page.request().post(system.admin + "/payments/" + paid.orderId() + "/refunds",
                RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                        .set("requestId", UUID.randomUUID().toString()).set("scope", "full").set("reasonCode", "고객 변심")));
        APIResponse fromAScript = page.request().post(system.admin + "/payments/" + paid.orderId() + "/refunds",
                RequestOptions.create().setHeader("Accept", "application/json").setHeader("Content-Type", "application/json")
                        .setData("{\"requestId\":\"" + UUID.randomUUID() + "\"}"));

        assertThat(withoutToken.status()).as("a forged form goes to the sign-in page").isEqualTo(302);
        assertThat(withoutToken.headers().get("location")).endsWith("/login?expired");
        assertThat(fromAScript.status()).isEqualTo(403);
        assertThat(details(paid.orderId()).path("refunds")).isEmpty();
        assertThat(page.locator("#refund-form").isVisible()).as("still signed in").isTrue();
        page.context().close();
    }

    @Test
    void aDoubleSubmittedRefundAppliesOnce() {
        Paid paid = pay("e2e-double");
        Page page = signIn(OPERATOR, PASSWORD);
        page.navigate(system.admin + "/payments/" + paid.orderId());
        page.locator("#scope-partial").check();
        page.locator("#refund-amount").fill("5000");
        page.locator("#reason-code").selectOption("중복 결제");
        page.locator("#refund-next").click();
        page.locator("#refund-confirmation").waitFor();

        // the confirmation's form sent twice, as a double click or a resubmit would send it: the same request id
        Locator form = page.locator("#refund-confirm");
        FormData fields = FormData.create();
        for (String name : List.of("requestId", "scope", "amount", "reasonCode", "reasonText")) {
            fields.set(name, form.locator("input[name=" + name + "]").inputValue());
        }
        RequestOptions twice = RequestOptions.create().setForm(fields).setHeader("HX-Request", "true")
                .setHeader("X-CSRF-TOKEN", page.locator("meta[name=_csrf]").getAttribute("content"));
        APIResponse first = page.request().post(system.admin + "/payments/" + paid.orderId() + "/refunds", twice);
        APIResponse second = page.request().post(system.admin + "/payments/" + paid.orderId() + "/refunds", twice);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text()).contains("환불 요청이 접수되었습니다");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).contains("이미 접수된 환불입니다");
        JsonNode refunded = awaitDetails(paid.orderId(), d -> d.path("refunds").size() == 1
                && "SUCCEEDED".equals(d.path("refunds").get(0).path("status").asString()));
        assertThat(refunded.path("payment").path("balanceAmount").asLong()).isEqualTo(paid.amount() - 5_000);
        JsonNode atToss = Http.get(system.sandbox + "/sandbox/payments/" + paid.paymentKey()).body();
        assertThat(atToss.get("cancels")).hasSize(1);
        assertThat(atToss.get("balanceAmount").asLong()).isEqualTo(paid.amount() - 5_000);
        page.context().close();
    }

    @Test
    void twoConcurrentPartialRefundsThatExceedTheBalanceTogetherOneSucceedsOneIsToldTheAmountLeft() {
        Paid paid = pay("e2e-race");
        long part = paid.amount() * 6 / 10;
        Page first = signIn(OPERATOR, PASSWORD);
        Page second = first.context().newPage();
        for (Page page : List.of(first, second)) {
            page.navigate(system.admin + "/payments/" + paid.orderId());
            page.locator("#scope-partial").check();
            page.locator("#refund-amount").fill(Long.toString(part));
            page.locator("#reason-code").selectOption("주문 취소");
            page.locator("#refund-next").click();
            page.locator("#refund-confirmation").waitFor();
        }

        first.locator("#refund-execute").click();
        second.locator("#refund-execute").click();

        String left = won(paid.amount() - part);
        int accepted = 0;
        int refused = 0;
        for (Page page : List.of(first, second)) {
            Locator outcome = page.locator("#refund-accepted, #refund-confirm [data-problem]:not([hidden])");
            outcome.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            if (page.locator("#refund-accepted").count() == 1) {
                accepted++;
            } else {
                refused++;
                assertThat(page.locator("#refund-confirm [data-problem]").textContent())
                        .contains("환불 가능 금액을 초과했습니다 (남은 금액 " + left + ")", "REFUND_EXCEEDS_CANCELABLE");
                shot(page, "refund-refused");
            }
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        JsonNode done = awaitDetails(paid.orderId(), d -> d.path("refunds").size() == 1
                && "SUCCEEDED".equals(d.path("refunds").get(0).path("status").asString()));
        assertThat(done.path("payment").path("balanceAmount").asLong()).isEqualTo(paid.amount() - part);
        first.context().close();
    }

    @Test
    void theRecheckOfAManualReviewPaymentThatTossHoldsAsDoneRunsTheSaga() throws Exception {
        // given: Toss approved, but our answer was lost and reading Toss failed until recovery gave up
        JsonNode checkout = checkout("e2e-review");
        String orderId = checkout.get("orderId").asString();
        String paymentKey = payInWindow(checkout);
        // Toss's webhook for the approval comes too late to settle it first (held for ten minutes)
        assertThat(Http.post(system.sandbox + "/sandbox/webhooks/faults", Map.of("delayMs", 600_000, "orderId", orderId))
                .status()).isIn(200, 201);
        fault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "mode", "APPROVE_THEN_DROP", "dropHoldMs", 200, "times", 1));
        String queryFault = fault(Map.of("endpoint", "QUERY", "orderId", orderId, "errorCode", "PROVIDER_ERROR"));
        Http.Response confirm = confirm(checkout, paymentKey);
        assertThat(confirm.status()).as(confirm.raw()).isIn(202, 503);
        parkForReview(orderId);
        Http.delete(system.sandbox + "/sandbox/faults/" + queryFault);
        assertThat(Http.get(system.sandbox + "/sandbox/payments/" + paymentKey).body().get("status").asString())
                .isEqualTo("DONE");

        // when: an operator sees it counted on the home page, finds it in the review queue and asks Toss again
        Page page = signIn(OPERATOR, PASSWORD);
        assertThat(page.locator("#count-manual-review .value").textContent()).isNotEqualTo("0");
        shot(page, "home");
        page.navigate(system.admin + "/queues");
        page.locator("tr.review-row[data-order-id='" + orderId + "']").waitFor();
        shot(page, "queues");
        page.navigate(system.admin + "/payments/" + orderId);
        assertThat(page.locator("#payment-status").textContent()).isEqualTo("수동 검토");
        page.locator("#recheck").click();
        page.locator("#recheck-outcome").waitFor();
        assertThat(page.locator("#recheck-outcome").textContent()).contains("DONE");

        // then: the payment is DONE and the saga runs: the order is created
        JsonNode order = awaitJson(system.order + "/api/v1/orders/" + orderId, o -> "CREATED".equals(o.path("status").asString()));
        assertThat(order.path("totalAmount").asLong()).isEqualTo(checkout.get("amount").asLong());
        awaitJson(system.admin + "/api/v1/admin/sagas/" + orderId, s -> "COMPLETED".equals(s.path("status").asString()));
        page.navigate(system.admin + "/audit?action=RECHECK&target=" + orderId);
        assertThat(page.locator("#audit-rows tr.audit-row[data-outcome=SUCCEEDED]").count()).isEqualTo(1);
        page.context().close();
        Http.delete(system.sandbox + "/sandbox/webhooks/faults");
    }

    @Test
    void financeSeesTheDashboardWithItsChartsAndTheSagaPageStillWorks() {
        pay("e2e-finance");
        Page page = signIn(FINANCE, PASSWORD);
        page.navigate(system.admin + "/finance");
        page.waitForSelector("body[data-charts-ready]");
        assertThat(page.locator("body").getAttribute("data-charts-ready")).isEqualTo("true");
        assertThat(page.locator("#totals").textContent()).contains("결제금액", "정산금액");
        assertThat(page.locator("#export-form").isVisible()).isTrue();
        shot(page, "dashboard");

        page.navigate(system.admin + "/sagas");
        page.locator("#saga-rows tr").first().waitFor();
        shot(page, "sagas");
        assertThat(browserComplaints).as("CSP refusals and script errors (Chart.js, htmx)").isEmpty();
        page.context().close();
    }

    // ---- people -----------------------------------------------------------------------------------------------------

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("ko-KR").setTimezoneId("Asia/Seoul")
                .setViewportSize(1440, 1000));
    }

    /** A new browser context signed in through the sign-in form; the page is on the home page. */
    private Page signIn(String username, String password) {
        Page page = newContext().newPage();
        page.onDialog(dialog -> dialog.accept());
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                browserComplaints.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> browserComplaints.add(page.url() + ": " + error));
        page.navigate(system.admin + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("button[type=submit]").click();
        page.waitForURL(system.admin + "/");
        return page;
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    // ---- payments as the storefront and Toss make them -------------------------------------------------------------

    record Paid(String orderId, String paymentKey, long amount) {
    }

    /** A card payment approved and confirmed, its saga completed (order created). */
    private Paid pay(String customerId) {
        JsonNode checkout = checkout(customerId);
        String paymentKey = payInWindow(checkout);
        Http.Response confirm = confirm(checkout, paymentKey);
        assertThat(confirm.status()).as(confirm.raw()).isEqualTo(200);
        String orderId = checkout.get("orderId").asString();
        awaitJson(system.admin + "/api/v1/admin/sagas/" + orderId, s -> "COMPLETED".equals(s.path("status").asString()));
        return new Paid(orderId, paymentKey, checkout.get("amount").asLong());
    }

    private JsonNode checkout(String customerId) {
        Http.Response r = Http.post(system.payment + "/api/v1/payments/checkout", Map.of("customerId", customerId,
                "items", List.of(Map.of("productId", "TSHIRT-BLK-M", "quantity", 2))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private String payInWindow(JsonNode checkout) {
        Http.Response r = Http.post(system.sandbox + "/sandbox/payments", Map.of(
                "orderId", checkout.get("orderId").asString(), "amount", checkout.get("amount").asLong(),
                "orderName", checkout.get("orderName").asString(), "method", "카드"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("paymentKey").asString();
    }

    private Http.Response confirm(JsonNode checkout, String paymentKey) {
        return Http.post(system.payment + "/api/v1/payments/confirm", Map.of("paymentKey", paymentKey,
                        "orderId", checkout.get("orderId").asString(), "amount", checkout.get("amount").asLong()),
                Map.of("X-Checkout-Token", checkout.path("checkoutToken").asString("")));
    }

    private String fault(Map<String, Object> fault) {
        Http.Response r = Http.post(system.sandbox + "/sandbox/faults", fault);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    /**
     * What the recovery job does when its budget is spent (Payment.parkForReview), done at once instead of after twelve
     * attempts over half an hour: the payment waits in MANUAL_REVIEW with no recovery scheduled.
     */
    private static void parkForReview(String orderId) throws Exception {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("payment_service"), infra.username(),
                infra.password());
             PreparedStatement park = db.prepareStatement("UPDATE payment SET status = 'MANUAL_REVIEW', "
                     + "review_reason = 'e2e: 토스 조회 실패가 계속되어 자동 복구 중단', next_recovery_at = NULL, "
                     + "version = version + 1 WHERE order_id = ? AND status IN ('OUTCOME_UNKNOWN', 'IN_PROGRESS')")) {
            park.setString(1, orderId);
            assertThat(park.executeUpdate()).as("payment parked for review").isEqualTo(1);
        }
    }

    private JsonNode details(String orderId) {
        Http.Response r = Http.get(system.payment + "/api/v1/payments/" + orderId + "/details", Http.AS_SERVICE);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode awaitDetails(String orderId, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode d = details(orderId);
            last.set(d);
            return ready.test(d);
        });
        return last.get();
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Http.Response r = Http.get(url, Http.AS_SERVICE);
            if (r.status() == 200 && ready.test(r.body())) {
                last.set(r.body());
                return true;
            }
            return false;
        });
        return last.get();
    }

    private static String won(long amount) {
        return String.format("%,d원", amount);
    }
}
