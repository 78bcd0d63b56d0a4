package com.acme.shop.admin.web;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.testsupport.security.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every form and route of the console, sent by someone who may use it (an ADMIN, who holds every door):
 * each answer is a 4xx problem with a stable code, never a 5xx, and nothing is asked of another service that would
 * change something there (no POST reaches payment- or settlement-service) and no account changes.
 */
class ConsoleBadInputIT extends AbstractIntegrationTest {

    private static final String ORDER = "ord_badinput_0001";
    private static final String LONG = "x".repeat(600);

    record Bad(String method, String path, String form) {

        static Bad get(String path) {
            return new Bad("GET", path, null);
        }

        static Bad post(String path, String form) {
            return new Bad("POST", path, form);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static final String GOOD_REFUND = "requestId=6f1c2a9e-2f7d-4a55-9a33-1d7c5e0f8a10&scope=partial&reasonCode=" + enc("고객 변심");

    static final List<Bad> BAD = List.of(
            // search
            Bad.get("/payments?from=2026-13-01"),
            Bad.get("/payments?from=yesterday"),
            Bad.get("/payments?from=2020-01-01&to=2026-01-01"),
            Bad.get("/payments?from=2026-02-01&to=2026-01-01"),
            Bad.get("/payments?from=%2B999999999-12-01"),
            Bad.get("/payments?status=WHATEVER"),
            Bad.get("/payments?status=" + enc("<script>")),
            Bad.get("/payments?method=" + enc("현금")),
            Bad.get("/payments?orderId=" + enc("<script>alert(1)</script>")),
            Bad.get("/payments?orderId=short"),
            Bad.get("/payments?paymentKey=" + enc("' or 1=1 --")),
            Bad.get("/payments?customerId=" + LONG),
            Bad.get("/payments?customerId=%00abc"),
            Bad.get("/payments?minAmount=-5"),
            Bad.get("/payments?minAmount=1.5"),
            Bad.get("/payments?minAmount=abc"),
            Bad.get("/payments?maxAmount=99999999999999999999"),
            Bad.get("/payments?minAmount=500&maxAmount=100"),
            Bad.get("/payments?sort=name"),
            Bad.get("/payments?direction=sideways"),
            Bad.get("/payments/results?cursor=" + enc("<>{}")),
            Bad.get("/payments/export.xlsx?from=bad"),
            Bad.get("/payments/lookup?q="),
            Bad.get("/payments/lookup?q=" + enc("' or 1=1")),
            Bad.get("/payments/" + enc("주문-1234")),
            Bad.get("/payments/ab"),
            Bad.get("/payments/" + "a".repeat(65) + "/activity"),
            // refund
            Bad.post("/payments/ab/refund-confirmation", GOOD_REFUND + "&amount=1000"),
            Bad.post("/payments/ab/refunds", GOOD_REFUND + "&amount=1000"),
            Bad.post("/payments/ab/recheck", ""),
            // queues
            Bad.post("/refunds/" + enc("a b") + "/retry", ""),
            Bad.post("/refunds/req-1/retry", "bankCode=88"),
            Bad.get("/webhooks/abc"),
            Bad.get("/webhooks/-1"),
            Bad.post("/webhooks/abc/reprocess", ""),
            Bad.get("/dead-letters/abc"),
            Bad.get("/dead-letters/0"),
            Bad.post("/dead-letters/abc/replay", ""),
            Bad.post("/api/v1/admin/dead-letters/abc/replay", ""),
            // finance
            Bad.get("/finance?from=bad"),
            Bad.get("/finance?from=2020-01-01&to=2026-01-01"),
            Bad.get("/finance/charts?to=2026-99-01"),
            Bad.post("/finance/mismatches/abc/resolve", "note=x"),
            Bad.post("/finance/mismatches/1/resolve", ""),
            Bad.post("/finance/mismatches/1/resolve", "note=" + LONG),
            Bad.post("/finance/mismatches/1/ignore", "reason="),
            Bad.post("/finance/exports", ""),
            Bad.post("/finance/exports", "from=2026-01-01"),
            Bad.post("/finance/exports", "from=2026-02-01&to=2026-01-01"),
            Bad.post("/finance/exports", "from=2020-01-01&to=2026-01-01"),
            Bad.get("/finance/exports/" + enc("../etc")),
            Bad.get("/finance/exports/" + enc("a b") + "/file"),
            Bad.get("/finance/export.xlsx?from=2026-11-01"),
            Bad.get("/finance/export.xlsx?from=2026-12-01&to=2026-11-01"),
            // audit
            Bad.get("/audit?from=bad"),
            Bad.get("/audit?from=2020-01-01&to=2026-01-01"),
            Bad.get("/audit?action=NOPE"),
            Bad.get("/audit?before=abc"),
            Bad.get("/audit?user=" + LONG),
            // operators
            Bad.post("/operators", ""),
            Bad.post("/operators", "username=" + enc("김운영") + "&displayName=x&roles=VIEWER&password=long-enough-pass-1"),
            Bad.post("/operators", "username=it-bad-1&displayName=x&roles=VIEWER&password=short"),
            Bad.post("/operators", "username=it-bad-1&displayName=x&roles=ROOT&password=long-enough-pass-1"),
            Bad.post("/operators", "username=it-bad-1&displayName=x&password=long-enough-pass-1"),
            Bad.post("/operators", "username=it-bad-1&displayName=&roles=VIEWER&password=long-enough-pass-1"),
            Bad.post("/operators", "username=it-bad-1&displayName=x&roles=VIEWER&password=local-admin-pw"),
            Bad.post("/operators", "username=it-bad-1&displayName=x&roles=VIEWER&password=" + "p".repeat(80)),
            Bad.post("/operators/abc/roles", "roles=VIEWER"),
            Bad.post("/operators/999999999/disable", ""),
            Bad.post("/operators/1/roles", ""),
            Bad.post("/operators/1/password", "password=short"));

    @Test
    void everyBadInputIsA4xxProblemAndChangesNothing() {
        Browser admin = new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD);
        Map<String, String> headers = Map.of("Cookie", Browser.SESSION_COOKIE + "=" + admin.sessionCookie().orElseThrow()
                .getValue(), "X-CSRF-TOKEN", admin.consoleToken(), "Accept", "application/json");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String operatorsBefore = jdbc.queryForList("select concat(username, enabled, version) from operator order by id",
                String.class).toString();
        long postsBefore = downstreamPosts();
        List<String> failures = new ArrayList<>();
        List<String> table = new ArrayList<>();

        for (Bad bad : BAD) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            byte[] body = null;
            if (bad.form() != null) {
                all.put("Content-Type", "application/x-www-form-urlencoded");
                body = bad.form().getBytes(StandardCharsets.UTF_8);
            }
            RawHttp.Response answer = RawHttp.to("http://127.0.0.1:" + port)
                    .send(new RawHttp.Request(bad.method(), bad.path(), all, body, false));
            String line = String.format("%-4s %-90s -> %d %s", bad.method(),
                    bad.path().length() > 90 ? bad.path().substring(0, 87) + "..." : bad.path(), answer.status(), answer.code());
            table.add(line);
            boolean problem = answer.status() >= 400 && answer.status() < 500 && answer.isProblem() && answer.code() != null
                    && !answer.body().contains("Exception");
            if (!problem) {
                failures.add(line + " " + answer.body());
            }
        }

        System.out.println("Bad input on the console:\n  " + String.join("\n  ", table));
        assertThat(failures).as("answers that are not a 4xx problem").isEmpty();
        assertThat(jdbc.queryForList("select concat(username, enabled, version) from operator order by id", String.class)
                .toString()).as("accounts").isEqualTo(operatorsBefore);
        assertThat(downstreamPosts()).as("actions reaching another service").isEqualTo(postsBefore);
    }

    @Test
    void aPageNavigatedToWithBadInputIsTheKoreanErrorPageWithTheCode() {
        Browser viewer = signedIn("it-bad-viewer", OperatorRole.VIEWER);
        Answer page = viewer.get("/payments?from=2026-13-01", Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("요청을 처리할 수 없습니다", "VALIDATION_FAILED", "날짜는 yyyy-MM-dd 형식입니다");
    }

    private static long downstreamPosts() {
        return SERVICES.requests().stream().filter(r -> "POST".equals(r.method())).count()
                + SETTLEMENT.requests().stream().filter(r -> "POST".equals(r.method())).count();
    }
}
