package com.acme.shop.settlement.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The PG's terms for one payment method: either a percentage of the amount or a fixed fee per payment, and the
 * number of business days after the sales date on which the money is paid out.
 *
 * @param ratePercent        fee as percent of the amount (3.4 = 3.4 %); null for a fixed fee
 * @param fixedFee           fee in won per payment; null for a rate
 * @param payoutBusinessDays N in "paid out on D+N business days"
 */
record MethodTerms(BigDecimal ratePercent, Long fixedFee, int payoutBusinessDays) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MethodTerms {
        if ((ratePercent == null) == (fixedFee == null)) {
            throw new IllegalArgumentException("exactly one of rate-percent and fixed-fee must be set");
        }
        if (ratePercent != null && (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("rate-percent must be within 0..100: " + ratePercent);
        }
        if (fixedFee != null && fixedFee < 0) {
            throw new IllegalArgumentException("fixed-fee must not be negative: " + fixedFee);
        }
        if (payoutBusinessDays < 0 || payoutBusinessDays > 60) {
            throw new IllegalArgumentException("payout-business-days must be within 0..60: " + payoutBusinessDays);
        }
    }

    public static MethodTerms rate(String percent, int payoutBusinessDays) {
        return new MethodTerms(new BigDecimal(percent), null, payoutBusinessDays);
    }

    public static MethodTerms fixed(long won, int payoutBusinessDays) {
        return new MethodTerms(null, won, payoutBusinessDays);
    }

    /** The fee on a sale of {@code amount} won: rate x amount rounded half-up to the won, or the fixed fee. */
    long feeOn(long amount) {
        if (fixedFee != null) {
            return fixedFee;
        }
        return ratePercent.multiply(BigDecimal.valueOf(amount))
                .movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
