package com.acme.shop.admin.audit;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.admin.operator.TestOperators;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log on the real database: what it records, how it filters and pages, and that nothing changes a row. */
class AuditLogIT extends AbstractIntegrationTest {

    @Test
    void signInsSucceededAndRefusedAreRecordedWithTheAddress() {
        String username = TestOperators.ensure(context, "it-audit-" + UUID.randomUUID().toString().substring(0, 6),
                OperatorRole.VIEWER);

        new Browser(port).signIn(username, "wrong-password");
        new Browser(port).signedIn(username, TestOperators.PASSWORD);

        List<AuditEntry> rows = trail().find(new AuditFilter(null, null, username, AuditAction.SIGN_IN, null, null), 10);
        assertThat(rows).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.REFUSED);
        assertThat(rows.get(1).problemCode()).isEqualTo("SIGN_IN_REFUSED");
        assertThat(rows).allSatisfy(r -> assertThat(r.clientAddress()).isEqualTo("127.0.0.1"));
    }

    @Test
    void filtersByKstDateRangeUserActionAndTargetAndPagesByKeyset() {
        AuditTrail trail = trail();
        String user = "it-filter-" + UUID.randomUUID().toString().substring(0, 6);
        Instant start = clock.instant();
        for (int i = 0; i < 7; i++) {
            trail.recordAs(user, i % 2 == 0 ? AuditAction.REFUND : AuditAction.RECHECK, "ord_filter_" + (i % 3),
                    AuditOutcome.SUCCEEDED, null, "사유 " + i, null, null);
        }
        clock.advance(Duration.ofDays(2));
        trail.recordAs(user, AuditAction.REFUND, "ord_filter_0", AuditOutcome.REFUSED, "X", "later", null, null);
        clock.advance(Duration.ofDays(-2));

        List<AuditEntry> refunds = trail.find(new AuditFilter(start.minusSeconds(1), start.plusSeconds(60), user,
                AuditAction.REFUND, null, null), 50);
        assertThat(refunds).extracting(AuditEntry::reason).containsExactly("사유 6", "사유 4", "사유 2", "사유 0");
        assertThat(trail.find(new AuditFilter(null, null, user, null, "ord_filter_0", null), 50)).hasSize(4);

        List<AuditEntry> first = trail.find(new AuditFilter(null, null, user, null, null, null), 3);
        List<AuditEntry> second = trail.find(new AuditFilter(null, null, user, null, null, first.getLast().id()), 3);
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(3);
        assertThat(second.getFirst().id()).isLessThan(first.getLast().id());

        Browser viewer = signedIn("it-audit-reader", OperatorRole.VIEWER);
        String today = com.acme.shop.admin.Korean.dateOf(start).toString();
        Answer page = viewer.get("/audit?from=" + today + "&to=" + today + "&user=" + user + "&action=REFUND");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("감사 로그", "사유 6", "사유 0", "환불").doesNotContain("later", "사유 1");
    }

    @Test
    void noRouteChangesOrDeletesAnAuditRow() {
        Browser admin = new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD);
        String token = admin.consoleToken();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/audit", "/audit/1", "/api/v1/admin/audit")) {
                Answer answer = method.equals("POST") ? admin.post(path, Map.of("X-CSRF-TOKEN", token))
                        : admin.send(method, path, Map.of("X-CSRF-TOKEN", token));
                assertThat(answer.status()).as(method + " " + path).isIn(403, 404, 405);
            }
        }
    }

    private AuditTrail trail() {
        return context.getBean(AuditTrail.class);
    }
}
