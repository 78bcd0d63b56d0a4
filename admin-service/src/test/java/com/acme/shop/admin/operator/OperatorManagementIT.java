package com.acme.shop.admin.operator;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditEntry;
import com.acme.shop.admin.audit.AuditFilter;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators screen: an ADMIN manages accounts and roles; every change is audited; the last ADMIN stays. */
class OperatorManagementIT extends AbstractIntegrationTest {

    private static final String PASSWORD = "new-operator-password-1";

    @Test
    void anAdminCreatesAnOperatorWhoSignsInWithTheRoleGiven() {
        Browser admin = admin();
        String username = "it-new-" + UUID.randomUUID().toString().substring(0, 6);

        Answer created = admin.htmxPost("/operators", Map.of("username", username, "displayName", "김<b>운영</b>",
                "roles", "OPERATOR", "password", PASSWORD));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains(username, "김&lt;b&gt;운영&lt;/b&gt;", "생성했습니다");
        assertThat(admin.get("/operators").body()).contains(username);
        Browser operator = new Browser(port).signedIn(username, PASSWORD);
        assertThat(operator.get("/").body()).contains("운영자(OPERATOR)");
        AuditEntry audited = latest(AuditAction.OPERATOR_CREATE);
        assertThat(audited.target()).isEqualTo(username);
        assertThat(audited.after()).contains(username, "OPERATOR").doesNotContain(PASSWORD, "$2a$");

        Answer again = admin.htmxPost("/operators", Map.of("username", username, "displayName", "x", "roles", "VIEWER",
                "password", PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("OPERATOR_EXISTS");
    }

    @Test
    void aRoleChangeOrADisableEndsTheSessionAtItsNextRequest() {
        Browser admin = admin();
        String username = TestOperators.ensure(context, "it-managed-" + UUID.randomUUID().toString().substring(0, 6),
                OperatorRole.VIEWER);
        Browser viewer = new Browser(port).signedIn(username, TestOperators.PASSWORD);
        long id = idOf(username);

        Answer changed = admin.htmxPost("/operators/" + id + "/roles", Map.of("roles", "FINANCE"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("역할을 바꿨습니다");
        Answer next = viewer.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).isEqualTo("/login?expired");
        Browser again = new Browser(port).signedIn(username, TestOperators.PASSWORD);
        assertThat(again.get("/").body()).contains("재무(FINANCE)");
        AuditEntry roles = latest(AuditAction.OPERATOR_ROLES);
        assertThat(roles.before()).contains("VIEWER");
        assertThat(roles.after()).contains("FINANCE");

        assertThat(admin.htmxPost("/operators/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(again.get("/").location()).isEqualTo("/login?expired");
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).isEqualTo("/login?error");

        assertThat(admin.htmxPost("/operators/" + id + "/enable", Map.of()).status()).isEqualTo(200);
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).isEqualTo("/");
    }

    @Test
    void anAdminUnlocksAnAccountAndSetsANewPassword() {
        Browser admin = admin();
        String username = TestOperators.ensure(context, "it-locked-" + UUID.randomUUID().toString().substring(0, 6),
                OperatorRole.OPERATOR);
        for (int i = 0; i < 5; i++) {
            new Browser(port).signIn(username, "wrong-password-" + i);
        }
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).isEqualTo("/login?error");
        long id = idOf(username);
        assertThat(admin.get("/operators").body()).contains("잠김");

        assertThat(admin.htmxPost("/operators/" + id + "/unlock", Map.of()).body()).contains("잠금을 해제했습니다");
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).isEqualTo("/");

        Answer reset = admin.htmxPost("/operators/" + id + "/password", Map.of("password", PASSWORD));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).isEqualTo("/login?error");
        assertThat(new Browser(port).signIn(username, PASSWORD).location()).isEqualTo("/");
        assertThat(latest(AuditAction.OPERATOR_PASSWORD_RESET).after()).doesNotContain(PASSWORD, "$2a$");
        assertThat(latest(AuditAction.OPERATOR_UNLOCK).target()).isEqualTo(username);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemotedAndNobodyDisablesThemselves() {
        Browser admin = admin();
        long self = idOf(ADMIN);

        Answer selfDisable = admin.htmxPost("/operators/" + self + "/disable", Map.of());
        assertThat(selfDisable.status()).isEqualTo(409);
        assertThat(selfDisable.json().path("code").asString()).isEqualTo("CANNOT_DISABLE_SELF");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long enabledAdmins = jdbc.queryForObject("select count(distinct o.id) from operator o join operator_role r "
                + "on r.operator_id = o.id where o.enabled = true and r.role = 'ADMIN'", Long.class);
        if (enabledAdmins == 1) {
            Answer demote = admin.htmxPost("/operators/" + self + "/roles", Map.of("roles", "VIEWER"));
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.json().path("code").asString()).isEqualTo("LAST_ADMIN");
        }
        assertThat(latest(AuditAction.OPERATOR_DISABLE).outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(admin.get("/").status()).as("still an ADMIN, still signed in").isEqualTo(200);
    }

    @Test
    void onlyAnAdminSeesTheOperatorsScreenInTheMenu() {
        assertThat(admin().get("/").body()).contains("운영자 관리");
        assertThat(signedIn("it-menu-operator", OperatorRole.OPERATOR).get("/").body()).doesNotContain("운영자 관리");
        assertThat(signedIn("it-menu-operator", OperatorRole.OPERATOR).get("/operators").status()).isEqualTo(403);
    }

    private Browser admin() {
        return new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD);
    }

    private long idOf(String username) {
        return context.getBean(JdbcTemplate.class).queryForObject("select id from operator where username = ?",
                Long.class, username);
    }

    private AuditEntry latest(AuditAction action) {
        List<AuditEntry> found = context.getBean(AuditTrail.class).find(new AuditFilter(Instant.EPOCH,
                clock.instant().plusSeconds(60), ADMIN, action, null, null), 1);
        assertThat(found).as("audit of " + action).isNotEmpty();
        return found.getFirst();
    }
}
