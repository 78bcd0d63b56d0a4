package com.acme.shop.settlement.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The holiday list shipped in settlement-service.yml, as the service binds it. */
class HolidayCalendarConfigTest {

    private static final CalendarProperties SHIPPED = load();

    @Test
    void listsTheKoreanPublicAndSubstituteHolidaysOf2026And2027() {
        assertThat(SHIPPED.holidays()).contains(
                LocalDate.parse("2026-02-17"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-05-25"),
                LocalDate.parse("2026-06-03"), LocalDate.parse("2026-08-17"), LocalDate.parse("2026-09-25"),
                LocalDate.parse("2026-10-05"), LocalDate.parse("2027-02-09"), LocalDate.parse("2027-05-13"),
                LocalDate.parse("2027-08-16"), LocalDate.parse("2027-10-04"), LocalDate.parse("2027-10-11"),
                LocalDate.parse("2027-12-27"));
        assertThat(SHIPPED.holidays()).doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(d.getYear()).isBetween(2026, 2027));
        // Substitute holidays are weekdays by definition.
        assertThat(SHIPPED.holidays()).filteredOn(d -> d.equals(LocalDate.parse("2026-03-02"))
                || d.equals(LocalDate.parse("2027-12-27"))).allSatisfy(d -> assertThat(d.getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            "2026-02-13, 1, 2026-02-19",
            "2026-02-27, 1, 2026-03-03",
            "2026-05-22, 1, 2026-05-26",
            "2026-06-02, 1, 2026-06-04",
            "2026-08-14, 1, 2026-08-18",
            "2026-09-23, 3, 2026-09-30",
            "2026-10-02, 2, 2026-10-07",
            "2026-10-08, 1, 2026-10-12",
            "2026-12-24, 1, 2026-12-28",
            "2026-12-31, 1, 2027-01-04",
            "2027-02-05, 2, 2027-02-11",
            "2027-05-12, 1, 2027-05-14",
            "2027-09-13, 1, 2027-09-17",
            "2027-10-08, 1, 2027-10-12",
            "2027-12-24, 1, 2027-12-28"})
    void paysOutOnTheNextBusinessDaysAroundHolidays(LocalDate sold, int days, LocalDate payout) {
        BusinessCalendar calendar = new BusinessCalendar(new HashSet<>(SHIPPED.holidays()));

        assertThat(calendar.plusBusinessDays(sold, days)).isEqualTo(payout);
    }

    private static CalendarProperties load() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("shipped", new ClassPathResource("settlement-service.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("settlement.calendar", CalendarProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
