package com.acme.shop.sandbox.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How Toss splits an amount into supply value and VAT: {@code vat = round half up(amount / 11)} (VAT is 10% of the
 * supply value, so 1/11 of the VAT-inclusive amount), {@code supplied = amount - vat}. 1,000 gives 909 + 91.
 * The sandbox has no tax-free part. After a partial cancel it re-splits the remaining balance, which keeps
 * {@code suppliedAmount + vat = balanceAmount}.
 */
record TaxSplit(long suppliedAmount, long vat) {

    private static final BigDecimal ELEVEN = BigDecimal.valueOf(11);

    static TaxSplit of(long amount) {
        long vat = BigDecimal.valueOf(amount).divide(ELEVEN, 0, RoundingMode.HALF_UP).longValueExact();
        return new TaxSplit(amount - vat, vat);
    }

}
