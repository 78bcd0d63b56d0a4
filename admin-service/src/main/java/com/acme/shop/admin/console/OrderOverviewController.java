package com.acme.shop.admin.console;

import com.acme.shop.admin.OrderIds;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The order detail of the console: what every service says about one order. Read-only. */
@RestController
class OrderOverviewController {

    private final OrderOverviewService overviews;

    OrderOverviewController(OrderOverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/admin/orders/{orderId}/overview")
    OrderOverviewService.OrderOverview overview(@PathVariable @Pattern(regexp = OrderIds.PATTERN) String orderId) {
        return overviews.overview(orderId);
    }
}
