package com.acme.shop.order.catalog;

import java.util.regex.Pattern;

/**
 * The shape every product id has: 1 to 64 printable ASCII characters, as {@code product.product_id} (an ASCII
 * column) holds them. Anything else cannot name a product, so it is "not found" without asking the database, which
 * would refuse a non-ASCII value for an ASCII column with an error instead of an empty answer.
 */
final class ProductIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[!-~]{1,64}");

    private ProductIds() {
    }

    static boolean isWellFormed(String productId) {
        return productId != null && WELL_FORMED.matcher(productId).matches();
    }
}
