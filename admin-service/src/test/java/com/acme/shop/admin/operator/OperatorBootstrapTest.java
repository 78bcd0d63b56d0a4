package com.acme.shop.admin.operator;

import com.acme.shop.admin.operator.OperatorBootstrap.BootstrapAdmin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorBootstrapTest {

    private static OperatorProperties.Bootstrap configured(String username, String password) {
        return new OperatorProperties.Bootstrap(username, password, "관리자");
    }

    @Test
    void nothingConfiguredIsNoBootstrap() {
        assertThat(BootstrapAdmin.of(configured(null, null), false)).isNull();
        assertThat(BootstrapAdmin.of(configured("", ""), false)).isNull();
    }

    @Test
    void outsideTheLocalProfileAShortPasswordStopsStartUp() {
        assertThatThrownBy(() -> BootstrapAdmin.of(configured("root", "short-pw-11"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHOP_ADMIN_PASSWORD").hasMessageContaining("12 characters")
                .hasMessageNotContaining("short-pw-11");
        assertThat(BootstrapAdmin.of(configured("root", "twelve-chars"), false).password()).isEqualTo("twelve-chars");
    }

    @Test
    void outsideTheLocalProfileAPublishedLocalPasswordStopsStartUp() {
        assertThatThrownBy(() -> BootstrapAdmin.of(configured("root", "local-operator-pw"), false))
                .hasMessageContaining("published local password");
    }

    @Test
    void theLocalProfileTakesAnyPassword() {
        assertThat(BootstrapAdmin.of(configured("root", "pw"), true).username()).isEqualTo("root");
    }

    @Test
    void halfAConfigurationOrABadUsernameStopsStartUp() {
        assertThatThrownBy(() -> BootstrapAdmin.of(configured("root", null), false)).hasMessageContaining("both");
        assertThatThrownBy(() -> BootstrapAdmin.of(configured(null, "a-long-enough-password"), false))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> BootstrapAdmin.of(configured("관리자", "a-long-enough-password"), false))
                .hasMessageContaining("SHOP_ADMIN_USERNAME");
        assertThatThrownBy(() -> BootstrapAdmin.of(configured("root", "x".repeat(73)), true))
                .hasMessageContaining("72 bytes");
    }

    @Test
    void theUsernameIsStoredLowerCase() {
        assertThat(BootstrapAdmin.of(configured(" Root ", "a-long-enough-password"), false).username()).isEqualTo("root");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(configured("root", "a-long-enough-password").toString()).doesNotContain("a-long-enough-password");
        assertThat(BootstrapAdmin.of(configured("root", "a-long-enough-password"), false).toString())
                .doesNotContain("a-long-enough-password");
    }
}
