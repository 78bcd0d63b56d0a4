package com.acme.shop.admin.console;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.DownstreamStub.Reply;
import com.acme.shop.admin.SagaEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** payment- and order-service are stubbed; settlement-service is down for the whole run (see the base class). */
class OrderOverviewIT extends AbstractIntegrationTest {

    @Test
    void showsWhatTheServicesSayAndWhichServiceIsDown() {
        String orderId = SagaEvents.newOrderId();
        SERVICES.reply("/api/v1/payments/" + orderId,
                Reply.json("{\"orderId\":\"" + orderId + "\",\"status\":\"DONE\",\"totalAmount\":39000,\"method\":\"카드\"}"));
        SERVICES.reply("/api/v1/orders/" + orderId,
                Reply.json("{\"orderId\":\"" + orderId + "\",\"status\":\"CREATED\",\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}"));

        Answer answer = get("/api/v1/admin/orders/" + orderId + "/overview");

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
