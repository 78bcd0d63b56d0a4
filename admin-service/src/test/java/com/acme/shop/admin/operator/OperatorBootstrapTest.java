package com.acme.shop.admin.operator;

import com.acme.shop.admin.operator.OperatorBootstrap.BootstrapAdmin;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.mock.env.MockEnvironment;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

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
    void theLocalProfileCreatesOneAccountPerRoleAndTheFirstAdminFirst() {
        OperatorAccounts accounts = mock(OperatorAccounts.class);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        new OperatorBootstrap(accounts, properties(configured("root", "pw")), local).run(null);

        InOrder order = inOrder(accounts);
        order.verify(accounts).bootstrapAdmin("root", "관리자", "pw");
        order.verify(accounts).createIfMissing("admin", "관리자 (로컬)", "local-admin-pw", Set.of(OperatorRole.ADMIN));
        order.verify(accounts).createIfMissing("operator", "운영자 (로컬)", "local-operator-pw", Set.of(OperatorRole.OPERATOR));
        order.verify(accounts).createIfMissing("finance", "재무 (로컬)", "local-finance-pw", Set.of(OperatorRole.FINANCE));
        order.verify(accounts).createIfMissing("viewer", "조회자 (로컬)", "local-viewer-pw", Set.of(OperatorRole.VIEWER));
    }

    @Test
    void noOtherProfileCreatesTheLocalAccounts() {
        OperatorAccounts accounts = mock(OperatorAccounts.class);
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        new OperatorBootstrap(accounts, properties(configured(null, null)), production).run(null);
        new OperatorBootstrap(accounts, properties(configured(null, null)), new MockEnvironment()).run(null);

        verify(accounts, never()).createIfMissing(any(), any(), any(), any());
        verify(accounts, never()).bootstrapAdmin(any(), any(), any());
    }

    @Test
    void aShortBootstrapPasswordStopsStartUpBeforeAnythingIsCreated() {
        OperatorAccounts accounts = mock(OperatorAccounts.class);

        assertThatThrownBy(() -> new OperatorBootstrap(accounts, properties(configured("root", "pw")),
                new MockEnvironment())).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(accounts);
    }

    /** Regression (chaos run, two instances on empty data): the instance that loses the insert race starts anyway. */
    @Test
    void anAccountAnotherInstanceCreatedAtTheSameMomentDoesNotStopStartUp() {
        OperatorAccounts accounts = mock(OperatorAccounts.class);
        org.mockito.Mockito.doThrow(new org.springframework.dao.DataIntegrityViolationException("Duplicate entry 'root'"))
                .doNothing().when(accounts).bootstrapAdmin("root", "관리자", "pw");
        org.mockito.Mockito.when(accounts.createIfMissing(org.mockito.ArgumentMatchers.eq("admin"), any(), any(), any()))
                .thenThrow(new org.springframework.dao.DataIntegrityViolationException("Duplicate entry 'admin'"))
                .thenReturn(false);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        new OperatorBootstrap(accounts, properties(configured("root", "pw")), local).run(null);

        verify(accounts, org.mockito.Mockito.times(2)).bootstrapAdmin("root", "관리자", "pw");
        verify(accounts, org.mockito.Mockito.times(2)).createIfMissing("admin", "관리자 (로컬)", "local-admin-pw",
                Set.of(OperatorRole.ADMIN));
        verify(accounts).createIfMissing("viewer", "조회자 (로컬)", "local-viewer-pw", Set.of(OperatorRole.VIEWER));
    }

    private static OperatorProperties properties(OperatorProperties.Bootstrap bootstrap) {
        return new OperatorProperties(bootstrap, new OperatorProperties.SignIn(5, java.time.Duration.ofMinutes(15)));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(configured("root", "a-long-enough-password").toString()).doesNotContain("a-long-enough-password");
        assertThat(BootstrapAdmin.of(configured("root", "a-long-enough-password"), false).toString())
                .doesNotContain("a-long-enough-password");
    }
}
