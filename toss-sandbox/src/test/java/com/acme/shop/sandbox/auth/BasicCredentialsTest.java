package com.acme.shop.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsSecretKeyBeforeTheColon() {
        assertThat(BasicCredentials.secretKeyFrom("Basic dGVzdF9za196WExrS0V5cE5BcldtbzUwblgzbG1lYXhZRzVSOg=="))
            .isEqualTo("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R");
    }

    @Test
    void acceptsUnpaddedBase64AndLowerCaseScheme() {
        String unpadded = Base64.getEncoder().withoutPadding()
            .encodeToString("test_sk_x:".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicCredentials.secretKeyFrom("basic " + unpadded)).isEqualTo("test_sk_x");
    }

    @Test
    void rejectsMissingColonAsIncorrectFormat() {
        String noColon = "Basic " + Base64.getEncoder().encodeToString("test_sk_x".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BasicCredentials.secretKeyFrom(noColon)).isInstanceOfSatisfying(TossException.class,
                error -> assertThat(error.code()).isEqualTo(TossErrorCode.INCORRECT_BASIC_AUTH_FORMAT));
    }

    @Test
    void rejectsMissingOrForeignHeaderAsUnauthorized() {
        for (String header : new String[] { null, "Bearer abc", "Basic !!!" }) {
            assertThatThrownBy(() -> BasicCredentials.secretKeyFrom(header))
                .isInstanceOfSatisfying(TossException.class,
                        error -> assertThat(error.code()).isEqualTo(TossErrorCode.UNAUTHORIZED_KEY));
        }
    }

}
