package com.acme.shop.settlement.ledger;

import java.time.LocalDate;

/**
 * Totals of the entries of one payment method sold on one Korean sales date, in won: {@code count} of
 * transactions (sales and cancels), {@code gross} of sales, {@code canceled} as a positive sum of cancels, the fee
 * and VAT net of refunds, and {@code net} = gross - canceled - fee - vat.
 */
record DailySettlement(LocalDate date, String method, long count, long gross, long canceled, long fee, long vat,
                       long net) {
}
