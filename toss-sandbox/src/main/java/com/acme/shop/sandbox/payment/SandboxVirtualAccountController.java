package com.acme.shop.sandbox.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox-only actions (no authentication) that happen outside the merchant's server at Toss: the customer paying
 * into a virtual account, and someone cancelling a payment in the Toss dashboard. Both answer the Payment object and
 * send the same webhooks Toss would.
 */
@RestController
@RequestMapping(path = "/sandbox/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxVirtualAccountController {

    private final PaymentService payments;

    SandboxVirtualAccountController(PaymentService payments) {
        this.payments = payments;
    }

    /** 409 NOT_WAITING_FOR_DEPOSIT unless WAITING_FOR_DEPOSIT; 409 EXPIRED_VIRTUAL_ACCOUNT past the due date. */
    @PostMapping("/{paymentKey}/deposit")
    PaymentView deposit(@PathVariable String paymentKey, @RequestBody(required = false) DepositRequest request) {
        return PaymentView.of(payments.deposit(paymentKey, request == null ? null : request.depositorName()));
    }

    /** A cancel made in the Toss dashboard: exactly the API cancel's rules, without the merchant's key. */
    @PostMapping("/{paymentKey}/dashboard-cancel")
    PaymentView dashboardCancel(@PathVariable String paymentKey, @Valid @RequestBody DashboardCancelRequest request) {
        return PaymentView.of(payments.cancel(paymentKey, request.cancelAmount(), request.cancelReason(), null,
                PaymentApiController.RefundAccountRequest.toAccount(request.refundReceiveAccount())));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DepositRequest(String depositorName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DashboardCancelRequest(@NotBlank @Size(max = 200) String cancelReason, Long cancelAmount,
            PaymentApiController.RefundAccountRequest refundReceiveAccount) {
    }

}
