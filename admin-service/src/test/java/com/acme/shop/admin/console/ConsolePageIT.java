package com.acme.shop.admin.console;

import com.acme.shop.admin.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePageIT extends AbstractIntegrationTest {

    @Test
    void servesTheKoreanConsolePageAtTheRoot() {
        Answer page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"ko\">", "<meta charset=\"UTF-8\">", "결제 사가 운영 콘솔",
                "src=\"console.js\"", "데드레터", "id=\"dead-letter-rows\"");
        // Everything is served by admin-service itself: no CDN.
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void servesTheScriptThatReadsTheAdminApi() {
        Answer script = get("/console.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("api/v1/admin/sagas", "/overview", "REFRESH_MS = 3000",
                "api/v1/admin/dead-letters", "/replay");
        assertThat(script.body()).doesNotContain("innerHTML");
    }
}
