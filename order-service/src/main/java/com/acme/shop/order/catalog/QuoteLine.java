package com.acme.shop.order.catalog;

/** One priced line of a quote; amounts in KRW won, {@code lineAmount = unitPrice * quantity}. */
record QuoteLine(String productId, String productName, int quantity, long unitPrice, long lineAmount) {
}
