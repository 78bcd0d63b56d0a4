package com.acme.shop.settlement.ledger;

import java.time.LocalDate;

/**
 * What the PG is due to pay out on one payout date (KST), over every entry whose expected payout date it is, in won:
 * {@code count} of transactions (sales and cancels), {@code grossAmount} of sales, {@code canceledAmount} as a
 * positive sum of cancels, the fee and VAT net of refunds, and {@code netAmount} = gross - canceled - fee - vat, the
 * payout itself.
 */
record UpcomingPayout(LocalDate payoutDate, long count, long grossAmount, long canceledAmount, long feeAmount,
                      long vatAmount, long netAmount) {
}
