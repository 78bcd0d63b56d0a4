package com.acme.shop.payment.checkout;

import com.acme.shop.contracts.LineItem;

import java.util.List;

/**
 * Prices checkouts from the catalog (order-service). The amount is never taken from the client.
 *
 * @see CatalogException what a quote can fail with
 */
interface Catalog {

    Quote quote(List<Requested> items);

    record Requested(String productId, int quantity) {
    }

    record Quote(List<LineItem> items, long totalAmount, String orderName) {
    }
}
