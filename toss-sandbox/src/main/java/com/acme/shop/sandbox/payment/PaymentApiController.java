package com.acme.shop.sandbox.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Toss core payment API. Authentication, idempotency, injected errors and faults are applied around these
 * handlers by the {@code /v1} filters (see {@code ApiFilterOrder}), so the handlers only do the payment work.
 */
@RestController
@RequestMapping(path = "/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentApiController {

    private final PaymentService payments;

    PaymentApiController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping("/confirm")
    PaymentView confirm(@Valid @RequestBody ConfirmRequest request) {
        return PaymentView.of(payments.confirm(request.paymentKey(), request.orderId(), request.amount()));
    }

    @GetMapping("/{paymentKey}")
    PaymentView byPaymentKey(@PathVariable String paymentKey) {
        return PaymentView.of(payments.byPaymentKey(paymentKey));
    }

    @GetMapping("/orders/{orderId}")
    PaymentView byOrderId(@PathVariable String orderId) {
        return PaymentView.of(payments.byOrderId(orderId));
    }

    @PostMapping("/{paymentKey}/cancel")
    PaymentView cancel(@PathVariable String paymentKey, @Valid @RequestBody CancelRequest request) {
        return PaymentView.of(payments.cancel(paymentKey, request.cancelAmount(), request.cancelReason(),
                request.refundableAmount(), RefundAccountRequest.toAccount(request.refundReceiveAccount())));
    }

    /** Toss adds fields without a version bump; unknown fields are ignored in both directions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfirmRequest(@NotBlank @Size(max = 200) String paymentKey, @NotBlank String orderId,
            @NotNull Long amount) {
    }

    /**
     * {@code refundReceiveAccount} is required for a deposited virtual account only. {@code taxFreeAmount} and
     * {@code currency} are accepted for compatibility; the sandbox has no tax-free amounts, and only KRW.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelRequest(@NotBlank @Size(max = 200) String cancelReason, Long cancelAmount, Long refundableAmount,
            RefundAccountRequest refundReceiveAccount, Long taxFreeAmount, String currency) {
    }

    /** The request calls the bank {@code bank}; the Payment object calls it {@code bankCode}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundAccountRequest(String bank, String accountNumber, String holderName) {

        static RefundAccount toAccount(RefundAccountRequest request) {
            return request == null ? null : new RefundAccount(request.bank(), request.accountNumber(), request.holderName());
        }

    }

}
