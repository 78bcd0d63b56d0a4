package com.acme.shop.order.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A product of the catalog with its stock. Stock is only ever taken by the conditional UPDATE in
 * {@link Stock} (which also bumps {@code version}), so an operator's stock change through this entity
 * and a concurrent order cannot overwrite each other.
 */
@Entity
@Table(name = "product")
class Product {

    @Id
    @Column(name = "product_id", length = 64)
    private String productId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** KRW won. */
    @Column(name = "price", nullable = false)
    private long price;

    @Column(name = "stock", nullable = false)
    private int stock;

    @Column(name = "sellable", nullable = false)
    private boolean sellable;

    @Column(name = "emoji", length = 16)
    private String emoji;

    @Column(name = "description", length = 500)
    private String description;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Product() {
    }

    /**
     * Prices {@code quantity} of this product for a checkout. Does not take stock: stock is taken when the
     * approved payment turns into an order; a sale lost between quote and approval is compensated.
     */
    QuoteLine quote(int quantity) {
        if (!sellable) {
            throw new CatalogProblems.ProductNotSellable(productId);
        }
        if (quantity > stock) {
            throw new CatalogProblems.OutOfStock(productId, quantity, stock);
        }
        return new QuoteLine(productId, name, quantity, price, Math.multiplyExact(price, quantity));
    }

    void changeStock(int newStock) {
        if (newStock < 0) {
            throw new IllegalArgumentException("stock must not be negative: " + newStock);
        }
        this.stock = newStock;
    }

    ProductView view() {
        return new ProductView(productId, name, price, stock, sellable, emoji, description);
    }

    String productId() {
        return productId;
    }
}
