package com.acme.shop.admin.api;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.testsupport.openapi.ApiDescriptions;
import com.acme.shop.testsupport.openapi.DescribedDoors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * admin-service's JSON API description (docs/api.md; the console's HTML pages are not in it): what the running service
 * serves is what is checked in under contracts/ ({@code -Dopenapi.write=true} regenerates it), every operation has a
 * summary and the door it states is the door the security configuration keeps, and the description itself is for
 * services only outside the local profile.
 */
class ApiDescriptionIT extends AbstractIntegrationTest {

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void describesTheApiAsCheckedIn() {
        JsonNode description = ApiDescriptions.assertMatchesCheckedIn("admin-service", baseUrl());

        assertThat(ApiDescriptions.gaps(description)).isEmpty();
        assertThat(description.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/admin/"));
        JsonNode replay = description.at("/paths/~1api~1v1~1admin~1dead-letters~1{id}~1replay/post");
        assertThat(replay.at("/security/0").propertyNames()).containsExactlyInAnyOrder("consoleSession", "csrfToken");
        assertThat(description.at("/paths/~1api~1v1~1admin~1sagas/get/security").toString())
                .contains("consoleSession", "serviceToken");
    }

    @Test
    void everyDescribedDoorIsTheDoorTheServiceKeeps() {
        assertThat(DescribedDoors.disagreements(baseUrl(), ApiDescriptions.served(baseUrl()))).isEmpty();
    }

    @Test
    void theDescriptionIsForServicesOutsideTheLocalProfile() {
        assertThat(ApiDescriptions.doorRefusals(baseUrl(), "/v3/api-docs", "/v3/api-docs.yaml")).isEmpty();
        // Swagger UI is a page: a browser without a session is sent to sign in
        Answer page = get("/swagger-ui.html", java.util.Map.of());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }
}
