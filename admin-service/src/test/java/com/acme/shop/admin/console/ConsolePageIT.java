package com.acme.shop.admin.console;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.operator.OperatorRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first console's saga list and dead letters, now the 사가/데드레터 page of the console. */
class ConsolePageIT extends AbstractIntegrationTest {

    @Test
    void servesTheKoreanSagaPageInsideTheConsoleToSignedInOperators() {
        Answer page = operator().get("/sagas");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"ko\">", "<meta charset=\"UTF-8\">", "결제 운영 콘솔", "사가 / 데드레터",
                "src=\"/sagas.js\"", "데드레터", "id=\"dead-letter-rows\"");
        // who is signed in, and the way out (a POST form with its CSRF token)
        assertThat(page.body()).contains("테스트 it-operator", "<code>it-operator</code>", "OPERATOR",
                "action=\"/logout\"", "로그아웃", "data-can-replay=\"true\"");
        assertThat(Browser.formToken(page)).isNotBlank();
        // the token the scripts send with their POSTs
        assertThat(page.body()).containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">");
        // Everything is served by admin-service itself: no CDN.
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void offersTheReplayOnlyToThoseWhoMayReplay() {
        assertThat(signedIn("it-viewer", OperatorRole.VIEWER).get("/sagas").body()).contains("data-can-replay=\"false\"");
        assertThat(signedIn("it-finance", OperatorRole.FINANCE).get("/sagas").body()).contains("data-can-replay=\"false\"");
        assertThat(new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD).get("/sagas").body())
                .contains("data-can-replay=\"true\"");
    }

    @Test
    void servesTheScriptThatReadsTheAdminApiToAnyone() {
        Answer script = new Browser(port).get("/sagas.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("api/v1/admin/sagas", "/overview", "REFRESH_MS = 3000",
                "api/v1/admin/dead-letters", "/replay");
        // POSTs carry the page's CSRF token; a 401 (session over) goes back to the sign-in page
        assertThat(script.body()).contains("meta[name=\"_csrf\"]", "meta[name=\"_csrf_header\"]", "...csrfHeaders()",
                "location.assign('login?expired')");
        assertThat(script.body()).doesNotContain("innerHTML");
        assertThat(new Browser(port).get("/console.css").status()).isEqualTo(200);
        Answer glue = new Browser(port).get("/console.js");
        assertThat(glue.body()).contains("htmx:configRequest", "htmx:responseError").doesNotContain("innerHTML", "eval(");
        assertThat(new Browser(port).get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(new Browser(port).get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").status()).isEqualTo(200);
    }
}
