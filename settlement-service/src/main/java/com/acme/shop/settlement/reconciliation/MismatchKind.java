package com.acme.shop.settlement.reconciliation;

/** How a ledger entry and Toss's settlement row of the same transaction disagree. */
enum MismatchKind {
    /** In the ledger, not in Toss's rows for that sales date. */
    MISSING_AT_TOSS("토스 누락"),
    /** In Toss's rows, not in the ledger at all. */
    MISSING_IN_LEDGER("장부 누락"),
    /** In Toss's rows for this date, booked in the ledger on another sales date. */
    SALES_DATE("매출일 불일치"),
    AMOUNT("거래금액 불일치"),
    FEE("수수료 불일치"),
    VAT("부가세 불일치"),
    PAYOUT_AMOUNT("지급금액 불일치"),
    PAYOUT_DATE("지급일 불일치");

    private final String label;

    MismatchKind(String label) {
        this.label = label;
    }

    /** Korean label for finance (Excel). */
    public String label() {
        return label;
    }
}
