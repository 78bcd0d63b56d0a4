package com.acme.shop.payment.payment;

import com.acme.shop.contracts.LineItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A priced checkout line, kept so PAYMENT_APPROVED can tell order-service what was bought. */
@Embeddable
public class PaymentItem {

    @Column(name = "product_id", nullable = false)
    private String productId;
    @Column(name = "product_name", nullable = false)
    private String productName;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    protected PaymentItem() {
    }

    PaymentItem(LineItem line) {
        this.productId = line.productId();
        this.productName = line.productName();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
    }

    LineItem toLineItem() {
        return new LineItem(productId, productName, quantity, unitPrice);
    }
}
