package com.acme.shop.order.catalog;

/** A product as the API shows it. {@code price} in KRW won; {@code emoji} and {@code description} may be null. */
record ProductView(String productId, String name, long price, int stock, boolean sellable, String emoji,
                   String description) {
}
