package com.acme.shop.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reads orders: for our services only (operators through admin-service, payment-service), see OrderAccessRules. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderQueries orders;

    OrderController(OrderQueries orders) {
        this.orders = orders;
    }

    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId) {
        return orders.order(orderId);
    }

    /** The customer's 50 latest orders, newest first; {@code customerId} as checkout accepts it. */
    @GetMapping
    List<OrderView> ordersOf(@RequestParam @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.@-]+")
                             String customerId) {
        return orders.latestOrdersOf(customerId);
    }
}
