package com.acme.shop.settlement.ledger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/settlements")
class SettlementController {

    private final SettlementReports reports;

    SettlementController(SettlementReports reports) {
        this.reports = reports;
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
}
