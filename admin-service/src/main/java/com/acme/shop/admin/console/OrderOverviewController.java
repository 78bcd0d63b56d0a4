package com.acme.shop.admin.console;

import com.acme.shop.admin.OrderIds;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The order detail of the console: what every service says about one order. Read-only. */
@RestController
@Tag(name = "orders", description = "What every service says about one order")
@Door(Caller.PERSON_OR_SERVICE)
class OrderOverviewController {

    private final OrderOverviewService overviews;

    OrderOverviewController(OrderOverviewService overviews) {
        this.overviews = overviews;
    }

    @Operation(summary = "What payment, order and settlement services and the saga say about one order",
            description = "A service that does not answer in time is reported as such in its part, not as an error.")
    @GetMapping("/api/v1/admin/orders/{orderId}/overview")
    OrderOverviewService.OrderOverview overview(@PathVariable @Pattern(regexp = OrderIds.PATTERN) String orderId) {
        return overviews.overview(orderId);
    }
}
