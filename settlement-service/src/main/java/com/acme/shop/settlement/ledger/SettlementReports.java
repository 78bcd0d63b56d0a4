package com.acme.shop.settlement.ledger;

import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Read side of the ledger. */
@Service
@Transactional(readOnly = true)
class SettlementReports {

    static final String SETTLEMENT_NOT_FOUND = "SETTLEMENT_NOT_FOUND";

    private final SettlementEntries entries;

    SettlementReports(SettlementEntries entries) {
        this.entries = entries;
    }

    PaymentSettlement forOrder(String orderId) {
        List<SettlementEntry> booked = entries.findByOrderIdOrderByOccurredAtAscIdAsc(orderId);
        if (booked.isEmpty()) {
            throw ApiException.notFound(SETTLEMENT_NOT_FOUND, "No settlement entries for this order");
        }
        return PaymentSettlement.of(orderId, booked);
    }

    /** Totals per Korean sales date and method in the range; dates without entries are left out. */
    List<DailySettlement> daily(SalesDateRange range) {
        return entries.dailyTotals(range.from(), range.to());
    }

    /** Totals per month and method; months without entries are left out. */
    List<MonthlySettlement> monthly(MonthRange range) {
        return MonthlySettlement.of(daily(range.days()));
    }
}
