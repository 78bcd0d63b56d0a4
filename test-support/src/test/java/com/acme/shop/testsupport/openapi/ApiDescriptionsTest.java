package com.acme.shop.testsupport.openapi;

import com.acme.shop.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDescriptionsTest {

    private static JsonNode json(String text) {
        return Http.JSON.readTree(text);
    }

    @Test
    void keyOrderAndFormattingMakeNoDifference() {
        JsonNode checkedIn = json("{\"b\": {\"y\": 1, \"x\": [1, 2]}, \"a\": \"z\"}");
        JsonNode served = json("{\"a\":\"z\",\"b\":{\"x\":[1,2],\"y\":1}}");

        assertThat(ApiDescriptions.differences(ApiDescriptions.normalised(checkedIn), ApiDescriptions.normalised(served)))
                .isEmpty();
        assertThat(ApiDescriptions.normalised(checkedIn).propertyNames()).containsExactly("a", "b");
    }

    @Test
    void namesEveryDifferenceByItsJsonPointer() {
        JsonNode checkedIn = json("""
                {"paths": {"/api/v1/orders/{orderId}": {"get": {"summary": "One order", "tags": ["orders"]}},
                           "/api/v1/gone": {}},
                 "info": {"version": "v1"}}""");
        JsonNode served = json("""
                {"paths": {"/api/v1/orders/{orderId}": {"get": {"summary": "An order", "tags": ["orders", "x"]}},
                           "/api/v1/new": {}},
                 "info": {"version": "v1"}}""");

        assertThat(ApiDescriptions.differences(checkedIn, served)).containsExactly(
                "/paths/~1api~1v1~1gone: only in the checked-in file: {}",
                "/paths/~1api~1v1~1new: only in what the service serves: {}",
                "/paths/~1api~1v1~1orders~1{orderId}/get/summary: checked in \"One order\", served \"An order\"",
                "/paths/~1api~1v1~1orders~1{orderId}/get/tags/1: only in what the service serves: \"x\"");
    }

    @Test
    void findsTheCheckedInFileFromAModuleFolder() {
        assertThat(Files.isDirectory(ApiDescriptions.checkedIn("order-service").getParent().getParent())).isTrue();
        assertThat(ApiDescriptions.checkedIn("order-service").toString())
                .endsWith("contracts/src/main/resources/openapi/order-service.json");
    }

    @Test
    void aGeneratedOperationIdAndAnErrorThatIsNotAProblemAreGaps() {
        JsonNode description = json("""
                {"paths": {"/a": {"get": {"summary": "A", "operationId": "get",
                                          "responses": {"404": {"content": {"application/json": {}}}}}},
                           "/b": {"get": {"operationId": "get_1", "responses": {}}}}}""");

        assertThat(ApiDescriptions.gaps(description)).containsExactly(
                "GET /a: 404 is not described as a problem",
                "GET /b: no summary",
                "GET /b: operationId 'get_1' is generated or not unique; rename the method");
    }
}
