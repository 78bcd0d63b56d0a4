package com.acme.shop.settlement.policy;

/**
 * What the PG keeps from one transaction, in signed won: the fee and the VAT on the fee. Positive on a sale,
 * negative (or zero) on a cancel that gives fee back.
 */
public record Charge(long fee, long vat) {

    public static final Charge NONE = new Charge(0, 0);

    public long total() {
        return fee + vat;
    }

    public Charge negated() {
        return new Charge(-fee, -vat);
    }
}
