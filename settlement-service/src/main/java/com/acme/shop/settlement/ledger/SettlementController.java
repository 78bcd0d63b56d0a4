package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.settlement.policy.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/settlements")
@Tag(name = "ledger", description = "The settlement ledger and its totals, for finance and operators through admin-service")
@Door(Caller.SERVICE)
class SettlementController {

    /** How far ahead {@code /payouts/upcoming} looks when no {@code to} is given. */
    static final int DEFAULT_PAYOUT_DAYS = 30;

    private final SettlementReports reports;
    private final Clock clock;

    SettlementController(SettlementReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The ledger entries and totals of one payment; 404 SETTLEMENT_NOT_FOUND before any is booked. */
    @Operation(summary = "The ledger entries of one payment (approval and cancels) with gross, fee, VAT and net totals")
    @ApiProblem(status = 404, codes = "SETTLEMENT_NOT_FOUND", when = "nothing is booked for this orderId (yet)")
    @GetMapping("/payments/{orderId}")
    PaymentSettlement payment(@PathVariable String orderId) {
        return reports.forOrder(orderId);
    }

    /** Totals per Korean sales date, {@code from} and {@code to} inclusive (YYYY-MM-DD, at most 366 days). */
    @Operation(summary = "Totals per Korean sales date, from and to inclusive (at most 366 days)")
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @GetMapping("/daily")
    List<DailySettlement> daily(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return reports.daily(SalesDateRange.parse(from, to));
    }

    /** Totals per month (YYYY-MM) and method, {@code from} and {@code to} inclusive, at most 12 months. */
    @Operation(summary = "Totals per month (YYYY-MM) and method, from and to inclusive (at most 12 months)")
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a month is missing, not YYYY-MM, reversed, or the range is longer than 12 months")
    @GetMapping("/monthly")
    List<MonthlySettlement> monthly(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return reports.monthly(MonthRange.parse(from, to));
    }

    /**
     * What the PG will pay out per payout date (YYYY-MM-DD, KST), {@code from} (default today) to {@code to} (default
     * {@code from} + 30 days), inclusive, at most 366 days. A parameter given empty counts as not given.
     */
    @Operation(summary = "What the PG will pay out per payout date (KST), from today to 30 days on unless given")
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @GetMapping("/payouts/upcoming")
    List<UpcomingPayout> upcomingPayouts(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        LocalDate start = blank(from) ? LocalDate.ofInstant(clock.instant(), BusinessCalendar.ZONE)
                : SalesDateRange.parseDate("from", from);
        LocalDate end = blank(to) ? min(start.plusDays(DEFAULT_PAYOUT_DAYS), SalesDateRange.LATEST)
                : SalesDateRange.parseDate("to", to);
        return reports.upcomingPayouts(new SalesDateRange(start, end));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
