package com.acme.shop.admin.console;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.DownstreamStub.Reply;
import com.acme.shop.admin.SagaEvents;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.platform.security.TokenAuthenticationFilter;
import com.acme.shop.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** payment-, order- and settlement-service are stubbed (see the base class); a test takes settlement-service down. */
class OrderOverviewIT extends AbstractIntegrationTest {

    @Test
    void asksTheServicesWithTheServiceTokenForTheSignedInOperator() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId, Reply.json("{\"status\":\"DONE\"}"));
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);

        Answer answer = viewer.get("/api/v1/admin/orders/" + orderId + "/overview");

        assertThat(answer.status()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/payments/" + orderId, "/api/v1/orders/" + orderId}) {
            assertThat(SERVICES.requestsFor(path)).singleElement().satisfies(request -> {
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestInfrastructure.SERVICE_TOKEN);
                assertThat(request.header(TokenAuthenticationFilter.OPERATOR_HEADER)).isEqualTo("it-viewer");
            });
        }
    }

    @Test
    void theOperatorAServiceCallNamesIsPassedOnOnlyWithTheServiceToken() {
        String orderId = SagaEvents.newOrderId();

        // a service's call names the operator it acts for; admin-service passes that on, and only that
        assertThat(get("/api/v1/admin/orders/" + orderId + "/overview",
                Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN,
                        TokenAuthenticationFilter.OPERATOR_HEADER, "kim.operator")).status()).isEqualTo(200);
        assertThat(SERVICES.requestsFor("/api/v1/payments/" + orderId)).singleElement()
                .satisfies(request -> assertThat(request.header("X-Operator")).isEqualTo("kim.operator"));

        // without the service token the header counts for nothing: the call is refused before anything is asked
        String other = SagaEvents.newOrderId();
        Answer forged = get("/api/v1/admin/orders/" + other + "/overview",
                Map.of(TokenAuthenticationFilter.OPERATOR_HEADER, "kim.operator"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(SERVICES.requestsFor("/api/v1/payments/" + other)).isEmpty();
    }

    @Test
    void showsWhatTheServicesSayAndWhichServiceIsDown() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId,
                Reply.json("{\"orderId\":\"" + orderId + "\",\"status\":\"DONE\",\"totalAmount\":39000,\"method\":\"카드\"}"));
        SERVICES.reply("/api/v1/orders/" + orderId,
                Reply.json("{\"orderId\":\"" + orderId + "\",\"status\":\"CREATED\",\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}"));

        Answer answer;
        SETTLEMENT.down();
        try {
            answer = get("/api/v1/admin/orders/" + orderId + "/overview");
        } finally {
            SETTLEMENT.up();
        }

        assertThat(answer.status()).isEqualTo(200);
        JsonNode overview = answer.json();
        assertThat(overview.path("orderId").asString()).isEqualTo(orderId);
        assertThat(overview.path("payment").path("method").asString()).isEqualTo("카드");
        assertThat(overview.path("payment").path("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(overview.path("order").path("items").get(0).path("productId").asString()).isEqualTo("MUG-WHT");
        assertThat(overview.has("settlement")).isTrue();
        assertThat(overview.get("settlement").isNull()).isTrue();
        assertThat(overview.path("errors").propertyNames()).containsExactly("settlement-service");
        assertThat(overview.path("errors").path("settlement-service").asString()).startsWith("연결 실패");
    }

    @Test
    void aServiceWithoutTheOrderGivesNullAndNoError() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId, Reply.json("{\"status\":\"CANCELED\"}"));
        // order-service has no such order: the stub answers 404

        JsonNode overview = get("/api/v1/admin/orders/" + orderId + "/overview").json();

        assertThat(overview.path("payment").path("status").asString()).isEqualTo("CANCELED");
        assertThat(overview.get("order").isNull()).isTrue();
        assertThat(overview.path("errors").has("order-service")).isFalse();
        assertThat(SERVICES.requested()).contains("/api/v1/orders/" + orderId);
    }

    @Test
    void malformedOrderIdIsRejectedBeforeAnyCall() {
        int callsBefore = SERVICES.requested().size();

        Answer badCharacters = get("/api/v1/admin/orders/order%20'1'%3B/overview");
        Answer tooShort = get("/api/v1/admin/orders/short/overview");

        assertThat(badCharacters.status()).isEqualTo(400);
        assertThat(badCharacters.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(SERVICES.requested()).hasSize(callsBefore);
    }
}
