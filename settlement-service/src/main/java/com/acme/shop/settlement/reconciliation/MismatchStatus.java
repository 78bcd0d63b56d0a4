package com.acme.shop.settlement.reconciliation;

/**
 * Where a mismatch stands. A run creates it OPEN; it leaves OPEN when a later run no longer finds it (RESOLVED by the
 * run, no one named) or when a person decides (RESOLVED with a note, or IGNORED with a reason, both naming who).
 */
enum MismatchStatus {
    /** Still found by the latest run of its date, and no one has decided about it: the review queue. */
    OPEN("미해결"),
    /** Gone on a re-run, or explained or corrected by a person (with a note). */
    RESOLVED("해소"),
    /** An accepted difference: a person decided it needs nothing (with a reason). */
    IGNORED("무시");

    private final String label;

    MismatchStatus(String label) {
        this.label = label;
    }

    /** Korean label for finance (Excel). */
    String label() {
        return label;
    }
}
