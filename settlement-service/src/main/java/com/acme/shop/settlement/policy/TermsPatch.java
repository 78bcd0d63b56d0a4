package com.acme.shop.settlement.policy;

import java.math.BigDecimal;

/**
 * A change to a method's (or an easy-pay provider's) terms as configured: any field left null keeps what was in
 * force before. Setting a rate drops a fixed fee and the other way round.
 */
record TermsPatch(BigDecimal ratePercent, Long fixedFee, Integer payoutBusinessDays) {

    public static TermsPatch rate(String percent) {
        return new TermsPatch(new BigDecimal(percent), null, null);
    }

    /** The terms after this change; invalid combinations fail as {@link MethodTerms} does. */
    public MethodTerms applyTo(MethodTerms before) {
        if (ratePercent != null && fixedFee != null) {
            throw new IllegalArgumentException("exactly one of rate-percent and fixed-fee must be set");
        }
        boolean priceGiven = ratePercent != null || fixedFee != null;
        return new MethodTerms(priceGiven ? ratePercent : before.ratePercent(),
                priceGiven ? fixedFee : before.fixedFee(),
                payoutBusinessDays != null ? payoutBusinessDays : before.payoutBusinessDays());
    }
}
