package com.acme.shop.order;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "orders", description = "Orders created by the saga from approved payments; operators' data")
@Door(Caller.SERVICE)
class OrderController {

    private final OrderQueries orders;

    OrderController(OrderQueries orders) {
        this.orders = orders;
    }

    @Operation(summary = "One order with its lines, status, refunds and (when it failed) the reason",
            description = "admin-service reads it for operators; payment-service for the customer's progress page.")
    @ApiProblem(status = 404, codes = "ORDER_NOT_FOUND", when = "no order has this orderId (yet: the saga may still be on its way)")
    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId) {
        return orders.order(orderId);
    }

    /** The customer's 50 latest orders, newest first; {@code customerId} as checkout accepts it. */
    @Operation(summary = "The customer's 50 latest orders, newest first")
    @GetMapping
    List<OrderView> ordersOf(@RequestParam @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.@-]+")
                             String customerId) {
        return orders.latestOrdersOf(customerId);
    }
}
