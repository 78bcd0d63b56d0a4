package com.acme.shop.settlement.policy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    BusinessCalendar businessCalendar() {
        // TODO(settlement holidays issue): load Korean public holidays here.
        return BusinessCalendar.weekendsOnly();
    }

    @Bean
    FeePolicy feePolicy(SettlementFeeProperties properties, BusinessCalendar calendar) {
        return new FeePolicy(properties.overrides(), properties.vatPercent(), properties.refundFeeOnCancel(), calendar);
    }
}
