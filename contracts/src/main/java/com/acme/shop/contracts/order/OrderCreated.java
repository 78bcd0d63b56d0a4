package com.acme.shop.contracts.order;

import com.acme.shop.contracts.EventPayload;
import com.acme.shop.contracts.LineItem;

import java.time.Instant;
import java.util.List;

/** order-service created the order for an approved payment and took the stock. */
public record OrderCreated(String orderId, String paymentKey, String customerId, long totalAmount,
                           List<LineItem> items, Instant createdAt) implements EventPayload {

    public OrderCreated {
        items = List.copyOf(items);
    }
}
