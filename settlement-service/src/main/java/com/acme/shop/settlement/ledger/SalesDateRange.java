package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.web.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of Korean sales dates, at most {@value #MAX_DAYS} days long, within {@link #EARLIEST} and
 * {@link #LATEST}: the ledger has nothing outside them, and a date like {@code +999999999-12-31} parses but would
 * reach the database as an error instead of an empty answer.
 */
public record SalesDateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    public static final String INVALID_DATE_RANGE = "INVALID_DATE_RANGE";

    public SalesDateRange {
        if (from == null || to == null) {
            throw invalid("from and to are required (YYYY-MM-DD)");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST) || from.isAfter(LATEST) || to.isBefore(EARLIEST)) {
            throw invalid("dates must lie within " + EARLIEST + ".." + LATEST);
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
        return new SalesDateRange(parseDate("from", from), parseDate("to", to));
    }

    /** One date parameter named {@code name}: an ISO date within the bounds, else 400 INVALID_DATE_RANGE naming it. */
    public static LocalDate parseDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw invalid(name + " must lie within " + EARLIEST + ".." + LATEST);
        }
        return date;
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

    public static ApiException invalid(String message) {
        return ApiException.badRequest(INVALID_DATE_RANGE, message);
    }
}
