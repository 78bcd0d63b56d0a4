package com.acme.shop.order;

import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the order API reads: one order, or a customer's latest. Changes to orders come from the saga only. */
@Service
class OrderQueries {

    /**
     * What an order id can be: 1 to 64 printable ASCII characters ({@code orders.order_id} is an ASCII column). Anything
     * else names no order and is not looked up: the database would answer a non-ASCII value with an error.
     */
    private static final Pattern ORDER_ID = Pattern.compile("[!-~]{1,64}");

    private final Orders orders;

    OrderQueries(Orders orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    OrderView order(String orderId) {
        Optional<Order> found = ORDER_ID.matcher(orderId).matches() ? orders.findById(orderId) : Optional.empty();
        return found.map(OrderView::of).orElseThrow(() -> ApiException.notFound("ORDER_NOT_FOUND",
                "주문을 찾을 수 없습니다: " + (orderId.length() <= 64 ? orderId : orderId.substring(0, 64) + "…")));
    }

    @Transactional(readOnly = true)
    List<OrderView> latestOrdersOf(String customerId) {
        return orders.findTop50ByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(OrderView::of).toList();
    }
}
