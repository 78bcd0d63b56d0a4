package com.acme.shop.settlement.ledger;

import com.acme.shop.settlement.policy.BusinessCalendar;
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
    @GetMapping("/payments/{orderId}")
    PaymentSettlement payment(@PathVariable String orderId) {
        return reports.forOrder(orderId);
    }

    /** Totals per Korean sales date, {@code from} and {@code to} inclusive (YYYY-MM-DD, at most 366 days). */
    @GetMapping("/daily")
    List<DailySettlement> daily(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return reports.daily(SalesDateRange.parse(from, to));
    }

    /** Totals per month (YYYY-MM) and method, {@code from} and {@code to} inclusive, at most 12 months. */
    @GetMapping("/monthly")
    List<MonthlySettlement> monthly(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return reports.monthly(MonthRange.parse(from, to));
    }

    /**
     * What the PG will pay out per payout date (YYYY-MM-DD, KST), {@code from} (default today) to {@code to} (default
     * {@code from} + 30 days), inclusive, at most 366 days. A parameter given empty counts as not given.
     */
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
