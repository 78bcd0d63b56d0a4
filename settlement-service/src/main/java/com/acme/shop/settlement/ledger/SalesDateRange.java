package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.web.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** An inclusive range of Korean sales dates, at most {@value #MAX_DAYS} days long. */
public record SalesDateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    static final String INVALID_DATE_RANGE = "INVALID_DATE_RANGE";

    public SalesDateRange {
        if (from == null || to == null) {
            throw invalid("from and to are required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw invalid("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw invalid("the range may cover at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the query parameters; anything but two ISO dates in order is a 400 INVALID_DATE_RANGE. */
    public static SalesDateRange parse(String from, String to) {
        return new SalesDateRange(date("from", from), date("to", to));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " is not a date of the form YYYY-MM-DD");
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest(INVALID_DATE_RANGE, message);
    }
}
