package com.acme.shop.order.api;

import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.openapi.ApiDescriptions;
import com.acme.shop.testsupport.openapi.DescribedDoors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service's REST API description (docs/api.md): what the running service serves is what is checked in under
 * contracts/ ({@code -Dopenapi.write=true} regenerates it), every operation has a summary and the door it states is the
 * door the access rules keep, and the description itself is for services only outside the local profile.
 */
class ApiDescriptionIT extends AbstractIntegrationTest {

    @Test
    void describesTheApiAsCheckedIn() {
        JsonNode description = ApiDescriptions.assertMatchesCheckedIn("order-service", baseUrl());

        assertThat(ApiDescriptions.gaps(description)).isEmpty();
        assertThat(description.at("/paths/~1internal~1v1~1quotes/post/responses/409/content")
                .toString()).contains("OUT_OF_STOCK", "PRODUCT_NOT_SELLABLE");
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
