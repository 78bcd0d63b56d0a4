package com.acme.shop.payment.refund;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.RefundAccountForm;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * Refunds for operators (through admin-service, which signs them in and checks their role): ask for one, see what is
 * being retried and what is parked and why, and send a parked one back to work.
 */
@RestController
@RequestMapping("/api/v1")
class RefundController {

    /** A request id as the console draws it: a UUID, fixed when the refund form is drawn. */
    static final String REQUEST_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final PaymentCancels cancels;
    private final RefundService refunds;

    RefundController(PaymentCancels cancels, RefundService refunds) {
        this.cancels = cancels;
        this.refunds = refunds;
    }

    /**
     * @param requestId     drawn with the form; the same id again is the same refund
     * @param amount        won, at most what the payment can still give back
     * @param reason        for the customer's receipt and the audit: text, no control characters
     * @param refundAccount for a deposited virtual account whose customer gave none at checkout
     */
    record RefundRequest(@NotBlank @Pattern(regexp = REQUEST_ID) String requestId,
                         @NotNull @Positive Long amount,
                         @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]+") String reason,
                         @Valid RefundAccountForm refundAccount) {
    }

    record RetryRequest(@Valid RefundAccountForm refundAccount) {
    }

    /** An operator's refund: 202 when it was accepted now, 200 with the same refund when this request was made before. */
    @PostMapping("/payments/{orderId}/refunds")
    ResponseEntity<RefundView> request(@PathVariable String orderId, @Valid @RequestBody RefundRequest request) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        String operator = Operator.required();
        RefundService.Requested made = refunds.requestManual(new RefundService.ManualRefund(request.requestId(),
                orderId, request.amount(), request.reason().strip(),
                request.refundAccount() == null ? null : request.refundAccount().toAccount()), operator);
        return ResponseEntity.status(made.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(RefundView.of(made.refund()));
    }

    /** Sends a parked refund back to work now, with a fresh attempt budget. */
    @PostMapping("/refunds/{requestId}/retry")
    RefundView retry(@PathVariable String requestId, @Valid @RequestBody(required = false) RetryRequest request) {
        if (!requestId.matches("[A-Za-z0-9_-]{1,80}")) {
            throw ApiException.notFound("REFUND_NOT_FOUND", "No refund " + requestId);
        }
        String operator = Operator.required();
        return RefundView.of(refunds.retryParked(requestId,
                request == null || request.refundAccount() == null ? null : request.refundAccount().toAccount(),
                operator));
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
