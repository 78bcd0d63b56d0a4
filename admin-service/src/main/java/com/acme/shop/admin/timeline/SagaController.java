package com.acme.shop.admin.timeline;

import com.acme.shop.admin.OrderIds;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The saga timeline for the console. Read-only. */
@RestController
@RequestMapping("/api/v1/admin/sagas")
@Tag(name = "sagas", description = "The saga timeline read model of payment.events and order.events")
@Door(Caller.PERSON_OR_SERVICE)
class SagaController {

    private final TimelineQueries queries;

    SagaController(TimelineQueries queries) {
        this.queries = queries;
    }

    /** 404 SAGA_NOT_FOUND when no event of the order was recorded (yet). */
    @Operation(summary = "One order's saga: its status and every step the services published, in order")
    @ApiProblem(status = 404, codes = "SAGA_NOT_FOUND", when = "no event of this order was recorded (yet)")
    @GetMapping("/{orderId}")
    TimelineQueries.SagaTimeline timeline(@PathVariable @Pattern(regexp = OrderIds.PATTERN) String orderId) {
        return queries.timeline(orderId);
    }

    @Operation(operationId = "latestSagas", summary = "The latest sagas, optionally of one status")
    @GetMapping
    SagaList latest(@RequestParam(required = false) SagaStatus status,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new SagaList(queries.latest(status, limit));
    }

    record SagaList(List<TimelineQueries.SagaListItem> sagas) {
    }
}
