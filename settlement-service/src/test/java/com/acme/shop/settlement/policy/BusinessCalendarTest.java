package com.acme.shop.settlement.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.weekendsOnly();

    @ParameterizedTest(name = "{0} ({1}) + {2} business days = {3}")
    @CsvSource({
            "2026-11-20, Fri, 3, 2026-11-25",
            "2026-11-19, Thu, 2, 2026-11-23",
            "2026-11-21, Sat, 3, 2026-11-25",
            "2026-11-22, Sun, 2, 2026-11-24",
            "2026-11-23, Mon, 3, 2026-11-26",
            "2026-11-25, Wed, 2, 2026-11-27",
            "2026-11-20, Fri, 1, 2026-11-23",
            "2026-12-31, Thu, 3, 2027-01-05",
            "2026-11-21, Sat, 0, 2026-11-23",
            "2026-11-24, Tue, 0, 2026-11-24"})
    void countsBusinessDaysSkippingWeekends(LocalDate sold, String dayOfWeek, int days, LocalDate expected) {
        assertThat(sold.getDayOfWeek().name()).startsWith(dayOfWeek.toUpperCase());
        assertThat(calendar.plusBusinessDays(sold, days)).isEqualTo(expected);
    }

    @Test
    void skipsListedHolidays() {
        BusinessCalendar withNewYear = new BusinessCalendar(Set.of(LocalDate.parse("2027-01-01")));

        assertThat(withNewYear.isBusinessDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(withNewYear.plusBusinessDays(LocalDate.parse("2026-12-31"), 3)).isEqualTo("2027-01-06");
    }

    @Test
    void rejectsNegativeDayCounts() {
        assertThatThrownBy(() -> calendar.plusBusinessDays(LocalDate.parse("2026-11-20"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is sold on {1} in Seoul")
    @CsvSource({
            "2026-11-20T14:59:59.999999Z, 2026-11-20",
            "2026-11-20T15:00:00Z, 2026-11-21",
            "2026-11-21T05:30:15Z, 2026-11-21",
            "2026-12-31T16:00:00Z, 2027-01-01"})
    void datesTransactionsInKoreanTime(Instant at, LocalDate salesDate) {
        assertThat(calendar.dateOf(at)).isEqualTo(salesDate);
    }

    @Test
    void paysOutCardsAfterThreeBusinessDaysAndOtherMethodsAfterTwo() {
        FeePolicy policy = FeePolicy.defaults();
        LocalDate friday = LocalDate.parse("2026-11-20");

        assertThat(policy.payoutDate("카드", friday)).isEqualTo("2026-11-25");
        assertThat(policy.payoutDate("간편결제", friday)).isEqualTo("2026-11-24");
        assertThat(policy.payoutDate("계좌이체", friday)).isEqualTo("2026-11-24");
        assertThat(policy.payoutDate("휴대폰", friday)).isEqualTo("2026-11-24");
        assertThat(policy.payoutDate("가상계좌", friday)).isEqualTo("2026-11-24");
        assertThat(policy.payoutDate("문화상품권", friday)).as("unknown -> card terms").isEqualTo("2026-11-25");
    }
}
