package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.web.ApiException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** An inclusive range of months (YYYY-MM), at most {@value #MAX_MONTHS} long, within the sales dates' bounds. */
record MonthRange(YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 12;
    static final YearMonth EARLIEST = YearMonth.from(SalesDateRange.EARLIEST);
    static final YearMonth LATEST = YearMonth.from(SalesDateRange.LATEST);

    MonthRange {
        // before any arithmetic: +999999999-12 plus eleven months overflows
        if (from.isBefore(EARLIEST) || from.isAfter(LATEST) || to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw invalid("months must lie within " + EARLIEST + ".." + LATEST);
        }
        if (to.isBefore(from)) {
            throw invalid("to must not be before from");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw invalid("the range may cover at most " + MAX_MONTHS + " months");
        }
    }

    static MonthRange parse(String from, String to) {
        return new MonthRange(month("from", from), month("to", to));
    }

    SalesDateRange days() {
        return new SalesDateRange(from.atDay(1), to.atEndOfMonth());
    }

    private static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " is not a month of the form YYYY-MM");
        }
    }

    private static ApiException invalid(String message) {
        return SalesDateRange.invalid(message);
    }
}
