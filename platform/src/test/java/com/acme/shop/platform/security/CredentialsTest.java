package com.acme.shop.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a service refuses to start with (docs/security.md, "Start-up refusals"). */
class CredentialsTest {

    static final String GOOD = "k3R9w0TqzM1xLc7VbN2pY8sD4fG6hJ5a";
    static final String OTHER_GOOD = "Zq8mW2nE4rT6yU1iO3pA5sD7fG9hJ0kL";

    @Test
    void outsideTheLocalProfileAMissingServiceTokenStopsStartUp() {
        assertThatThrownBy(() -> Credentials.of(props(null, null), env()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHOP_SERVICE_TOKEN").hasMessageContaining("is not set");
        assertThatThrownBy(() -> Credentials.of(props("   ", null), env()))
                .hasMessageContaining("SHOP_SERVICE_TOKEN").hasMessageContaining("is not set");
    }

    @Test
    void outsideTheLocalProfileAShortOrPublishedTokenStopsStartUp() {
        assertThatThrownBy(() -> Credentials.of(props("short-token", null), env()))
                .hasMessageContaining("too short or a published default");
        for (String published : new String[] {Credentials.LOCAL_SERVICE_TOKEN, Credentials.LOCAL_SCRAPE_TOKEN,
                "local-dev-internal-token"}) {
            assertThatThrownBy(() -> Credentials.of(props(published, null), env())).as(published)
                    .hasMessageContaining("too short or a published default");
        }
        assertThatThrownBy(() -> Credentials.of(props(GOOD, Credentials.LOCAL_SCRAPE_TOKEN), env()))
                .hasMessageContaining("SHOP_SCRAPE_TOKEN");
        assertThatThrownBy(() -> Credentials.of(props(GOOD, "scrape"), env()))
                .hasMessageContaining("SHOP_SCRAPE_TOKEN");
    }

    @Test
    void theScraperCannotHoldTheServiceToken() {
        assertThatThrownBy(() -> Credentials.of(props(GOOD, GOOD), env()))
                .hasMessageContaining("must differ");
    }

    @Test
    void aRandomTokenIsAcceptedAndComparedExactly() {
        Credentials credentials = Credentials.of(props(GOOD, OTHER_GOOD), env());

        assertThat(credentials.isServiceToken(GOOD)).isTrue();
        assertThat(credentials.isServiceToken(GOOD + "x")).isFalse();
        assertThat(credentials.isServiceToken("")).isFalse();
        assertThat(credentials.isServiceToken(null)).isFalse();
        assertThat(credentials.isScrapeToken(OTHER_GOOD)).isTrue();
        assertThat(credentials.isScrapeToken(GOOD)).isFalse();
    }

    @Test
    void withoutAScrapeTokenNothingIsAScrapeToken() {
        Credentials credentials = Credentials.of(props(GOOD, ""), env());

        assertThat(credentials.isScrapeToken("")).isFalse();
        assertThat(credentials.isScrapeToken(null)).isFalse();
    }

    @Test
    void theShortEnvironmentVariablesAreRead() {
        MockEnvironment environment = env().withProperty("SHOP_SERVICE_TOKEN", GOOD)
                .withProperty("SHOP_SCRAPE_TOKEN", OTHER_GOOD);

        Credentials credentials = Credentials.of(props(null, null), environment);

        assertThat(credentials.serviceToken()).isEqualTo(GOOD);
        assertThat(credentials.isScrapeToken(OTHER_GOOD)).isTrue();
    }

    @Test
    void theLocalProfileFallsBackToThePublishedLocalTokensAndNothingElse() {
        MockEnvironment local = env();
        local.setActiveProfiles("local");

        Credentials credentials = Credentials.of(props(null, null), local);

        assertThat(credentials.serviceToken()).isEqualTo(Credentials.LOCAL_SERVICE_TOKEN);
        assertThat(credentials.isScrapeToken(Credentials.LOCAL_SCRAPE_TOKEN)).isTrue();
        assertThat(credentials.isServiceToken("")).isFalse();
        assertThat(Credentials.of(props(GOOD, null), local).serviceToken()).isEqualTo(GOOD);
    }

    private static SecurityProperties props(String service, String scrape) {
        return new SecurityProperties(service, scrape, DataSize.ofKilobytes(64));
    }

    private static MockEnvironment env() {
        return new MockEnvironment();
    }
}
