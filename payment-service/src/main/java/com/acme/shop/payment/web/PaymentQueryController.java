package com.acme.shop.payment.web;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Reading payments: one by orderId (the storefront polls it), or operators' queues by status. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "payments", description = "Reading payments")
class PaymentQueryController {

    private final Payments payments;

    PaymentQueryController(Payments payments) {
        this.payments = payments;
    }

    /** Operators' queues, e.g. {@code ?status=MANUAL_REVIEW} or {@code ?status=OUTCOME_UNKNOWN}. */
    @Operation(operationId = "listPaymentsByStatus", summary = "Payments in one status, latest first (operators' queues, e.g. MANUAL_REVIEW)")
    @Door(Caller.SERVICE)
    @GetMapping
    List<PaymentView> byStatus(@RequestParam String status, @RequestParam(defaultValue = "50") int limit) {
        PaymentStatus wanted = Arrays.stream(PaymentStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("VALIDATION_FAILED",
                        "status must be one of " + Arrays.toString(PaymentStatus.values())));
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("VALIDATION_FAILED", "limit must be 1-500");
        }
        return payments.findByStatusOrderByUpdatedAtDesc(wanted, Limit.of(limit)).stream().map(PaymentView::of).toList();
    }

    @Operation(operationId = "getPayment", summary = "One payment: status, amounts, method, card or virtual account",
            description = "The storefront polls it after a 202 from confirm.")
    @Door(Caller.CHECKOUT_HOLDER_OR_SERVICE)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND",
            when = "no payment has this orderId, or neither its checkout token nor the service token came with the request")
    @GetMapping("/{orderId}")
    PaymentView get(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        return payments.findByOrderId(orderId).map(PaymentView::of)
                .orElseThrow(() -> new PaymentNotFoundException(orderId));
    }
}
