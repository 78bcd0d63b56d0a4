package com.acme.shop.local;

import com.acme.shop.admin.operator.LocalAccounts;
import com.acme.shop.platform.security.Credentials;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher prints is what the services accept in the local profile, and it is printed where it helps. */
class LocalCredentialsTest {

    private static final Path ROOT = Path.of("/work/shop");

    @Test
    void theTokensAreThePlatformsLocalTokens() {
        assertThat(LocalCredentials.SERVICE_TOKEN).isEqualTo(Credentials.LOCAL_SERVICE_TOKEN);
        assertThat(LocalCredentials.SCRAPE_TOKEN).isEqualTo(Credentials.LOCAL_SCRAPE_TOKEN);
    }

    @Test
    void theAccountsAreTheOnesAdminServiceCreatesInTheLocalProfile() {
        assertThat(LocalCredentials.ADMIN_ACCOUNTS).extracting(LocalCredentials.Account::username,
                LocalCredentials.Account::password, LocalCredentials.Account::role)
                .containsExactlyElementsOf(LocalAccounts.ALL.stream()
                        .map(a -> org.assertj.core.groups.Tuple.tuple(a.username(), a.password(), a.role())).toList());
    }

    @Test
    void theBannerSaysHowToSignInAndWhichTokenToGiveCurl() {
        String banner = new LocalSystem(LocalSettings.from(Map.of(), ROOT), App.ALL).banner(Duration.ofSeconds(42));

        assertThat(banner).contains("Admin console   http://localhost:8084/   sign in with a local account:");
        for (LocalCredentials.Account account : LocalCredentials.ADMIN_ACCOUNTS) {
            assertThat(banner).containsPattern(account.username() + " +password " + account.password() + " +\\("
                    + account.role() + "\\)");
        }
        assertThat(banner).contains("SPRING_PROFILES_ACTIVE includes local",
                "Service token   " + Credentials.LOCAL_SERVICE_TOKEN,
                "curl -H \"Authorization: Bearer " + Credentials.LOCAL_SERVICE_TOKEN
                        + "\" http://127.0.0.1:8084/api/v1/admin/sagas",
                "Scrape token    " + Credentials.LOCAL_SCRAPE_TOKEN);
    }

    @Test
    void withoutTheServicesThereIsNothingToSignInTo() {
        String banner = new LocalSystem(LocalSettings.from(Map.of(), ROOT), List.of(App.TOSS_SANDBOX))
                .banner(Duration.ofSeconds(3));

        assertThat(banner).doesNotContain("sign in", "local-admin-pw", Credentials.LOCAL_SERVICE_TOKEN);
    }

    @Test
    void aTokenOfYourOwnIsNotReplacedByTheLocalOneInTheBanner() {
        Map<String, String> env = Map.of("SHOP_SERVICE_TOKEN", "mine-0123456789-0123456789-0123456789");
        String banner = new LocalSystem(LocalSettings.from(env, ROOT), List.of(App.ORDER)).banner(Duration.ofSeconds(3));

        assertThat(banner).contains("yours, from SHOP_SERVICE_TOKEN", "Bearer $SHOP_SERVICE_TOKEN\" http://127.0.0.1:8082/...")
                .doesNotContain(Credentials.LOCAL_SERVICE_TOKEN, "mine-0123456789");
    }
}
