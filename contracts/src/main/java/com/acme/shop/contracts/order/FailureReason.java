package com.acme.shop.contracts.order;

/** Why an order could not be created. */
public enum FailureReason {
    /** Stock ran out between checkout and approval. */
    OUT_OF_STOCK,
    /** A product was withdrawn from sale or is unknown to the catalog. */
    PRODUCT_NOT_SELLABLE,
    /** Technical failures outlasted the retry budget; the money must not stay taken without an order. */
    TECHNICAL
}
