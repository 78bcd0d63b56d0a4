package com.acme.shop.payment.web;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.web.ApiException;
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
class PaymentQueryController {

    private final Payments payments;

    PaymentQueryController(Payments payments) {
        this.payments = payments;
    }

    /** Operators' queues, e.g. {@code ?status=MANUAL_REVIEW} or {@code ?status=OUTCOME_UNKNOWN}. */
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

    @GetMapping("/{orderId}")
    PaymentView get(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        return payments.findByOrderId(orderId).map(PaymentView::of)
                .orElseThrow(() -> new PaymentNotFoundException(orderId));
    }
}
