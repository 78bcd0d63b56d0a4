package com.acme.shop.sandbox.payment;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox-only shortcuts for tests (no authentication): create a payment as if the customer had authenticated in the
 * payment window, and read a payment without going through {@code /v1} (so the read is not logged or faulted).
 */
@RestController
@RequestMapping(path = "/sandbox/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxPaymentController {

    private final PaymentService payments;

    SandboxPaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping
    CreatedPayment create(@RequestBody CreatePaymentRequest request) {
        return payments.create(request.toNewPayment());
    }

    @GetMapping("/{paymentKey}")
    PaymentView get(@PathVariable String paymentKey) {
        return PaymentView.of(payments.byPaymentKey(paymentKey));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreatePaymentRequest(String orderId, Long amount, String orderName, String method, String customerName) {

        NewPayment toNewPayment() {
            if (amount == null) {
                throw new TossException(TossErrorCode.INVALID_REQUEST, "amount는 필수입니다.");
            }
            return new NewPayment(orderId, amount, orderName, PaymentMethod.parse(method), customerName);
        }

    }

}
