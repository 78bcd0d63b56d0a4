package com.acme.shop.sandbox.settlement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/settlements?startDate=&endDate=&dateType=&page=&size=} (docs/toss-api.md, section 9 (settlements
 * lookup)): a bare JSON array, no envelope and no total. Basic auth and the call log apply through the {@code /v1} filters like on every Toss call.
 */
@RestController
@RequestMapping(path = "/v1/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
class SettlementApiController {

    static final int MAX_SIZE = 5000;

    private final SettlementBook book;

    SettlementApiController(SettlementBook book) {
        this.book = book;
    }

    @GetMapping
    List<SettlementRow> settlements(@RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate, @RequestParam(required = false) String dateType,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        LocalDate start = date("startDate", startDate);
        LocalDate end = date("endDate", endDate);
        if (end.isBefore(start)) {
            throw invalid("endDate는 startDate 이후여야 합니다.");
        }
        return book.rows(new SettlementBook.Query(start, end, dateType(dateType), number("page", page, 1, 1,
                Integer.MAX_VALUE), number("size", size, 100, 1, MAX_SIZE)));
    }

    private static SettlementBook.DateType dateType(String value) {
        if (value == null || value.isBlank() || value.equals("soldDate")) {
            return SettlementBook.DateType.SOLD_DATE;
        }
        if (value.equals("paidOutDate")) {
            return SettlementBook.DateType.PAID_OUT_DATE;
        }
        throw invalid("dateType은 soldDate 또는 paidOutDate 이어야 합니다.");
    }

    /** {@code yyyy-MM-dd}; a date-time ({@code yyyy-MM-ddTHH:mm:ss}) is accepted too and its date used. */
    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + "는 필수입니다. (yyyy-MM-dd)");
        }
        String trimmed = value.strip();
        try {
            return LocalDate.parse(trimmed.length() > 10 && trimmed.charAt(10) == 'T' ? trimmed.substring(0, 10)
                    : trimmed);
        }
        catch (DateTimeParseException e) {
            throw invalid(name + " 형식이 올바르지 않습니다. (yyyy-MM-dd)");
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name + "는 " + min + " 이상 " + max + " 이하의 정수여야 합니다.");
    }

    private static TossException invalid(String message) {
        return new TossException(TossErrorCode.INVALID_REQUEST, "잘못된 요청입니다. " + message);
    }

}
