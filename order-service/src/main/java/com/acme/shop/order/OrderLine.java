package com.acme.shop.order;

import com.acme.shop.contracts.LineItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A line of an order as priced at checkout (the price the customer paid). Immutable. */
@Embeddable
class OrderLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "product_id", nullable = false, length = 64)
    private String productId;

    @Column(name = "product_name", nullable = false, length = 200)
    private String productName;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    /** KRW won. */
    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    protected OrderLine() {
    }

    OrderLine(int lineNo, String productId, String productName, int quantity, long unitPrice) {
        if (quantity <= 0 || unitPrice < 0) {
            throw new IllegalArgumentException("invalid line " + productId + ": quantity " + quantity + ", unit price " + unitPrice);
        }
        this.lineNo = lineNo;
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    static OrderLine of(int lineNo, LineItem item) {
        return new OrderLine(lineNo, item.productId(), item.productName(), item.quantity(), item.unitPrice());
    }

    LineItem toLineItem() {
        return new LineItem(productId, productName, quantity, unitPrice);
    }

    long lineAmount() {
        return unitPrice * quantity;
    }

    int lineNo() {
        return lineNo;
    }

    String productId() {
        return productId;
    }

    String productName() {
        return productName;
    }

    int quantity() {
        return quantity;
    }

    long unitPrice() {
        return unitPrice;
    }
}
