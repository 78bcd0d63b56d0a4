package com.acme.shop.settlement.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** As {@link DailySettlement}, for one payment method over one calendar month of Korean sales dates. */
record MonthlySettlement(YearMonth month, String method, long count, long gross, long canceled, long fee, long vat,
                         long net) {

    /** Sums daily totals into months, ordered by month then method. */
    static List<MonthlySettlement> of(List<DailySettlement> days) {
        Map<String, MonthlySettlement> months = new TreeMap<>();
        for (DailySettlement day : days) {
            YearMonth month = YearMonth.from(day.date());
            months.merge(month + "|" + day.method(),
                    new MonthlySettlement(month, day.method(), day.count(), day.gross(), day.canceled(), day.fee(),
                            day.vat(), day.net()),
                    (a, b) -> new MonthlySettlement(a.month(), a.method(), a.count() + b.count(),
                            a.gross() + b.gross(), a.canceled() + b.canceled(), a.fee() + b.fee(), a.vat() + b.vat(),
                            a.net() + b.net()));
        }
        return new ArrayList<>(months.values());
    }
}
