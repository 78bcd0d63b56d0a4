package com.acme.shop.payment.refund;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.RefundAccountForm;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "refunds", description = "Operators' refunds, through admin-service")
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
    @Operation(summary = "Asks for a full or partial refund, for an operator; 202 accepted, 200 when asked before",
            description = "The same `requestId` again is the same refund (the console draws one per form). The refund is "
                    + "sent to Toss by a durable job: retried on transient failures, parked for a person after its budget.")
    @ApiResponse(responseCode = "202", description = "Accepted now; the refund goes to Toss in the background")
    @ApiResponse(responseCode = "200", description = "This requestId was asked for before: the same refund, as it is now")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND", when = "no payment has this orderId")
    @ApiProblem(status = 400, codes = "REFUND_ACCOUNT_REQUIRED",
            when = "a deposited virtual account can be refunded only to a bank account, and none is known")
    @ApiProblem(status = 409, codes = {"REQUEST_ID_REUSED", "PAYMENT_NOT_REFUNDABLE", "PG_UNDECIDED",
            "REFUND_EXCEEDS_CANCELABLE"}, when = "the requestId was used for another refund; the payment is not refundable "
            + "(not paid, or fully refunded); its outcome at Toss is still unknown; the amount is more than can be given back")
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
    @Operation(summary = "Sends a parked refund back to work with a fresh attempt budget, for an operator")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 400, codes = "REFUND_ACCOUNT_REQUIRED", when = "the refund needs a bank account and none came")
    @ApiProblem(status = 404, codes = "REFUND_NOT_FOUND", when = "no refund has this request id")
    @ApiProblem(status = 409, codes = {"REFUND_NOT_PARKED", "REFUND_EXCEEDS_CANCELABLE"},
            when = "the refund is not parked, or the payment cannot give the amount back any more")
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
    @Operation(operationId = "listRefunds", summary = "Refunds in one status (REQUESTED, RETRYING, SUCCEEDED, PARKED), latest first")
    @Door(Caller.SERVICE)
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

    @Operation(summary = "The refunds of one payment, oldest first")
    @Door(Caller.SERVICE)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND", when = "no payment has this orderId")
    @GetMapping("/payments/{orderId}/refunds")
    List<RefundView> ofOrder(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        return cancels.findByOrderIdOrderById(orderId).stream().map(RefundView::of).toList();
    }
}
