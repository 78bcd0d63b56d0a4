package com.acme.shop.payment.refund;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.platform.web.ApiException;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Refunds and their lifecycle, for operators: what is being retried, what is parked and why. */
@RestController
@RequestMapping("/api/v1")
class RefundController {

    private final PaymentCancels cancels;

    RefundController(PaymentCancels cancels) {
        this.cancels = cancels;
    }

    record RefundView(String requestId, String orderId, String cause, Long requestedAmount, String reason,
                      String status, int attempts, String transactionKey, String lastError) {

        static RefundView of(PaymentCancel c) {
            return new RefundView(c.requestId(), c.orderId(), c.cause().name(), c.cancelAmount(), c.cancelReason(),
                    c.status().name(), c.attempts(), c.transactionKey(), c.lastError());
        }
    }

    /** {@code status}: REQUESTED, RETRYING, SUCCEEDED or PARKED (parked = needs a person). */
    @GetMapping("/refunds")
    List<RefundView> list(@RequestParam String status, @RequestParam(defaultValue = "50") int limit) {
        PaymentCancel.Status wanted = Arrays.stream(PaymentCancel.Status.values())
                .filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("VALIDATION_FAILED",
                        "status must be one of " + Arrays.toString(PaymentCancel.Status.values())));
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("VALIDATION_FAILED", "limit must be 1-500");
        }
        return cancels.findByStatusOrderByIdDesc(wanted, Limit.of(limit)).stream().map(RefundView::of).toList();
    }

    @GetMapping("/payments/{orderId}/refunds")
    List<RefundView> ofOrder(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        return cancels.findByOrderIdOrderById(orderId).stream().map(RefundView::of).toList();
    }
}
