package com.acme.shop.settlement.ledger;

import java.time.LocalDate;

/**
 * Totals of the entries sold on one Korean sales date, in won: {@code gross} of sales, {@code canceled} as a
 * positive sum of cancels, the fee and VAT net of refunds, and {@code net} = gross - canceled - fee - vat.
 */
record DailySettlement(LocalDate date, long count, long gross, long canceled, long fee, long vat, long net) {
}
