package com.acme.shop.order.catalog;

import com.acme.shop.contracts.order.FailureReason;

/**
 * Why {@link Stock#takeAll} could not take an order's stock.
 *
 * @param reason {@code OUT_OF_STOCK}, or {@code PRODUCT_NOT_SELLABLE} for a withdrawn or unknown product
 * @param detail Korean text for operators and the saga timeline
 */
public record StockShortage(FailureReason reason, String productId, String detail) {
}
