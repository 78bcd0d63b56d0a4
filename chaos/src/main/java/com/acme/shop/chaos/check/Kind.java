package com.acme.shop.chaos.check;

/** How one order (or product, or outbox) compares across the customer, our services and Toss. */
public enum Kind {
    MATCH, MISMATCH, MISSING, DUPLICATE, STUCK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
