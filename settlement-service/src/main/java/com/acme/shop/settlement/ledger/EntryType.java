package com.acme.shop.settlement.ledger;

/** The kind of Toss transaction a ledger entry books. */
enum EntryType {
    /** An approval: positive amount, fee and VAT charged. */
    SALE,
    /** One (full or partial) cancel: negative amount, fee and VAT given back when the policy refunds them. */
    CANCEL
}
