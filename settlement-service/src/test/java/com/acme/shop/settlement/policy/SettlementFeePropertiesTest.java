package com.acme.shop.settlement.policy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlementFeePropertiesTest {

    @Test
    void bindsDefaultsWhenNothingIsConfigured() {
        SettlementFeeProperties properties = bind(Map.of());

        assertThat(properties.refundFeeOnCancel()).isTrue();
        assertThat(properties.vatPercent()).isEqualByComparingTo("10");
        assertThat(properties.overrides()).isEmpty();
    }

    @Test
    void overridesOneMethodByItsConfigurationName() {
        SettlementFeeProperties properties = bind(Map.of(
                "settlement.fees.refund-fee-on-cancel", "false",
                "settlement.fees.methods.easy-pay.rate-percent", "2.9",
                "settlement.fees.methods.card.payout-business-days", "1",
                "settlement.fees.methods.virtual-account.fixed-fee", "400"));
        FeePolicy policy = new FeePolicy(properties.overrides(), properties.vatPercent(),
                properties.refundFeeOnCancel(), BusinessCalendar.weekendsOnly());

        assertThat(policy.refundsFeeOnCancel()).isFalse();
        assertThat(policy.saleCharge("간편결제", 10_000)).isEqualTo(new Charge(290, 29));
        assertThat(policy.termsFor("간편결제").payoutBusinessDays()).as("default kept").isEqualTo(2);
        assertThat(policy.termsFor("카드").ratePercent()).as("default kept").isEqualByComparingTo(new BigDecimal("3.4"));
        assertThat(policy.termsFor("카드").payoutBusinessDays()).isEqualTo(1);
        assertThat(policy.saleCharge("가상계좌", 10_000)).isEqualTo(new Charge(400, 40));
    }

    @Test
    void failsOnAMethodConfiguredWithBothARateAndAFixedFee() {
        SettlementFeeProperties properties = bind(Map.of(
                "settlement.fees.methods.transfer.rate-percent", "2.0",
                "settlement.fees.methods.transfer.fixed-fee", "300"));

        assertThatThrownBy(properties::overrides).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsOnAnUnknownMethodName() {
        assertThatThrownBy(() -> bind(Map.of("settlement.fees.methods.bitcoin.rate-percent", "1")))
                .isInstanceOf(BindException.class);
    }

    private static SettlementFeeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("settlement.fees", SettlementFeeProperties.class);
    }
}
