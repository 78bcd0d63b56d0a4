package com.acme.shop.contracts;

/** One product line of a checkout, priced by the catalog at checkout time. Amounts in KRW won. */
public record LineItem(String productId, String productName, int quantity, long unitPrice) {

    public long lineAmount() {
        return unitPrice * quantity;
    }
}
