package com.acme.shop.payment.api;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.openapi.ApiDescriptions;
import com.acme.shop.testsupport.openapi.DescribedDoors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment-service's REST API description (docs/api.md): what the running service serves is what is checked in under
 * contracts/ ({@code -Dopenapi.write=true} regenerates it), every operation has a summary and the door it states is the
 * door the access rules keep, and the description itself is for services only outside the local profile.
 */
class ApiDescriptionIT extends AbstractPaymentIT {

    @Test
    void describesTheApiAsCheckedIn() {
        JsonNode description = ApiDescriptions.assertMatchesCheckedIn("payment-service", url(""));

        assertThat(ApiDescriptions.gaps(description)).isEmpty();
        JsonNode confirm = description.at("/paths/~1api~1v1~1payments~1confirm/post");
        assertThat(confirm.at("/security/0").has("checkoutToken")).isTrue();
        assertThat(confirm.at("/responses/402/content").toString()).contains("PAYMENT_DECLINED");
        JsonNode refund = description.at("/paths/~1api~1v1~1payments~1{orderId}~1refunds/post");
        assertThat(refund.at("/security/0").propertyNames()).containsExactlyInAnyOrder("serviceToken", "operator");
        assertThat(refund.at("/responses/400/content").toString()).contains("OPERATOR_REQUIRED");
        assertThat(description.at("/components/securitySchemes/checkoutToken/name").asString()).isEqualTo("X-Checkout-Token");
    }

    @Test
    void everyDescribedDoorIsTheDoorTheServiceKeeps() {
        assertThat(DescribedDoors.disagreements(url(""), ApiDescriptions.served(url("")))).isEmpty();
    }

    @Test
    void theDescriptionIsForServicesOutsideTheLocalProfile() {
        assertThat(ApiDescriptions.doorRefusals(url(""), "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html")).isEmpty();
    }
}
