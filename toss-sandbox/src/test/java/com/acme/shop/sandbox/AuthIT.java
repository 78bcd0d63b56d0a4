package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthIT extends SandboxIntegrationTest {

    @Test
    void rejectsMissingAuthorizationWithUnauthorizedKey() throws Exception {
        Response response = get("/v1/payments/anything");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.json().properties()).extracting(Map.Entry::getKey)
            .containsExactly("code", "message", "data");
        assertThat(response.code()).isEqualTo("UNAUTHORIZED_KEY");
        assertThat(response.json().get("data").isNull()).isTrue();
    }

    @Test
    void rejectsUnknownSecretKey() throws Exception {
        Response response = get("/v1/payments/anything", "Authorization", basic("test_sk_unknown:"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED_KEY");
    }

    @Test
    void rejectsUndecodableHeader() throws Exception {
        Response response = get("/v1/payments/anything", "Authorization", "Basic %%%not-base64");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED_KEY");
    }

    @Test
    void rejectsKeyEncodedWithoutColon() throws Exception {
        Response response = get("/v1/payments/anything", "Authorization", basic(SECRET_KEY));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("INCORRECT_BASIC_AUTH_FORMAT");
        assertThat(response.json().has("data")).isFalse();
    }

    @Test
    void leavesSandboxEndpointsOpen() throws Exception {
        assertThat(get("/sandbox/calls").status()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

}
