package com.acme.shop.sandbox.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementBookTest {

    private final SettlementBook book = new SettlementBook(null, new SettlementProperties(Map.of(), Map.of(),
            java.math.BigDecimal.TEN, true, List.of(LocalDate.parse("2026-09-24"), LocalDate.parse("2026-09-25"),
                    LocalDate.parse("2026-10-05"))),
            Clock.systemUTC());

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({ "2026-09-22, 2, 2026-09-28", "2026-09-23, 1, 2026-09-28", "2026-10-02, 1, 2026-10-06",
            "2026-10-03, 0, 2026-10-06", "2026-11-20, 3, 2026-11-25" })
    void skipsWeekendsAndConfiguredHolidays(LocalDate sold, int days, LocalDate expected) {
        assertThat(book.plusBusinessDays(sold, days)).isEqualTo(expected);
    }

}
