package com.acme.shop.order;

import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What the order API reads: one order, or a customer's latest. Changes to orders come from the saga only. */
@Service
class OrderQueries {

    private final Orders orders;

    OrderQueries(Orders orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    OrderView order(String orderId) {
        return orders.findById(orderId).map(OrderView::of)
                .orElseThrow(() -> ApiException.notFound("ORDER_NOT_FOUND", "주문을 찾을 수 없습니다: " + orderId));
    }

    @Transactional(readOnly = true)
    List<OrderView> latestOrdersOf(String customerId) {
        return orders.findTop50ByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(OrderView::of).toList();
    }
}
