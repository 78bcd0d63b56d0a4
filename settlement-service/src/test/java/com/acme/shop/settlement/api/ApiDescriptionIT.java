package com.acme.shop.settlement.api;

import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.testsupport.openapi.ApiDescriptions;
import com.acme.shop.testsupport.openapi.DescribedDoors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * settlement-service's REST API description (docs/api.md): what the running service serves is what is checked in under
 * contracts/ ({@code -Dopenapi.write=true} regenerates it), every operation has a summary and the door it states is the
 * door the access rules keep, and the description itself is for services only outside the local profile.
 */
class ApiDescriptionIT extends AbstractIntegrationTest {

    @Test
    void describesTheApiAsCheckedIn() {
        JsonNode description = ApiDescriptions.assertMatchesCheckedIn("settlement-service", baseUrl());

        assertThat(ApiDescriptions.gaps(description)).isEmpty();
        JsonNode resolve = description.at("/paths/~1api~1v1~1settlements~1mismatches~1{id}~1resolve/post");
        assertThat(resolve.at("/security/0").propertyNames()).containsExactlyInAnyOrder("serviceToken", "operator");
        assertThat(resolve.at("/responses/409/content").toString()).contains("MISMATCH_NOT_OPEN");
        assertThat(description.at("/paths/~1api~1v1~1settlements~1export.xlsx/get/responses/200/content").propertyNames())
                .containsExactly("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void everyDescribedDoorIsTheDoorTheServiceKeeps() {
        assertThat(DescribedDoors.disagreements(baseUrl(), ApiDescriptions.served(baseUrl()))).isEmpty();
    }

    @Test
    void theDescriptionIsForServicesOutsideTheLocalProfile() {
        assertThat(ApiDescriptions.doorRefusals(baseUrl(), "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html")).isEmpty();
    }
}
