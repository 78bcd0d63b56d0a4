package com.acme.shop.settlement.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code settlement.calendar.holidays}: the Korean public holidays (substitute holidays included) on which nothing is
 * paid out. The list for 2026 and 2027 ships in settlement-service.yml; extend it each year when 한국천문연구원
 * publishes the next 월력요항 (and add temporary holidays the government declares).
 */
@ConfigurationProperties("settlement.calendar")
record CalendarProperties(List<LocalDate> holidays) {

    CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
