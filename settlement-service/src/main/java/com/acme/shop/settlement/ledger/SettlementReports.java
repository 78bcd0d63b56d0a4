package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.regex.Pattern;

/** Read side of the ledger. */
@Service
@Transactional(readOnly = true)
class SettlementReports {

    static final String SETTLEMENT_NOT_FOUND = "SETTLEMENT_NOT_FOUND";
    /**
     * What an order id can be: 1 to 64 printable ASCII characters ({@code settlement_entry.order_id} is an ASCII
     * column). Anything else has no entries and is not looked up: the database would answer it with an error.
     */
    private static final Pattern ORDER_ID = Pattern.compile("[!-~]{1,64}");

    private final SettlementEntries entries;

    SettlementReports(SettlementEntries entries) {
        this.entries = entries;
    }

    PaymentSettlement forOrder(String orderId) {
        List<SettlementEntry> booked = ORDER_ID.matcher(orderId).matches()
                ? entries.findByOrderIdOrderByOccurredAtAscIdAsc(orderId) : List.of();
        if (booked.isEmpty()) {
            throw ApiException.notFound(SETTLEMENT_NOT_FOUND, "No settlement entries for this order");
        }
        return PaymentSettlement.of(orderId, booked);
    }

    /** Totals per Korean sales date and method in the range; dates without entries are left out. */
    List<DailySettlement> daily(SalesDateRange range) {
        return entries.dailyTotals(range.from(), range.to());
    }

    /** What is due to be paid out per payout date in the range; dates without payouts are left out. */
    List<UpcomingPayout> upcomingPayouts(SalesDateRange payoutDates) {
        return entries.payoutsBetween(payoutDates.from(), payoutDates.to());
    }

    /** Totals per month and method; months without entries are left out. */
    List<MonthlySettlement> monthly(MonthRange range) {
        return MonthlySettlement.of(daily(range.days()));
    }
}
