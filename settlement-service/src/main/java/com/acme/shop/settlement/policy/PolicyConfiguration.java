package com.acme.shop.settlement.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.HashSet;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    BusinessCalendar businessCalendar(CalendarProperties properties) {
        var holidays = new HashSet<>(properties.holidays());
        log.info("Business calendar: {} public holidays up to {}", holidays.size(),
                holidays.stream().max(LocalDate::compareTo).map(LocalDate::toString).orElse("(none)"));
        return new BusinessCalendar(holidays);
    }

    @Bean
    FeePolicy feePolicy(SettlementFeeProperties properties, BusinessCalendar calendar) {
        return properties.toPolicy(calendar);
    }
}
