package com.acme.shop.sandbox.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.acme.shop.sandbox.SandboxProperties;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

import org.springframework.stereotype.Service;

/**
 * Loads a payment, applies one domain operation, and hands back a snapshot. The public methods are what the payment
 * window, fault injection and the call log need from this feature.
 */
@Service
public class PaymentService {

    private final Payments payments;

    private final TossKeys keys;

    private final Clock clock;

    private final String merchantId;

    private final Duration sessionTimeout;

    PaymentService(Payments payments, TossKeys keys, Clock clock, SandboxProperties properties) {
        this.payments = payments;
        this.keys = keys;
        this.clock = clock;
        this.merchantId = properties.merchantId();
        this.sessionTimeout = properties.sessionTimeout();
    }

    /** Stands in for the customer authenticating in the payment window: the payment starts IN_PROGRESS. */
    public CreatedPayment create(NewPayment order) {
        Instant now = clock.instant();
        Payment payment;
        do {
            payment = Payment.authenticated(merchantId, keys.paymentKey(now), order, now);
        }
        while (!payments.add(payment));
        return new CreatedPayment(payment.paymentKey(), order.orderId(), order.amount());
    }

    /** A card company's or bank's final refusal of a confirm (injected by a test code or fault). */
    public void decline(String paymentKey, TossErrorCode reason) {
        payments.byPaymentKey(paymentKey).ifPresent(payment -> {
            payment.expireIfSessionLapsed(clock.instant(), sessionTimeout);
            payment.decline(reason);
        });
    }

    public Optional<String> orderIdOf(String paymentKey) {
        return payments.byPaymentKey(paymentKey).map(Payment::orderId);
    }

    public Optional<String> paymentKeyOf(String orderId) {
        return payments.byOrderId(orderId).map(Payment::paymentKey);
    }

    PaymentSnapshot confirm(String paymentKey, String orderId, long amount) {
        Payment payment = payments.byPaymentKey(paymentKey)
            .orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        payment.confirm(orderId, amount,
                new Payment.Approval(clock.instant(), keys.transactionKey(), keys.secret(), sessionTimeout));
        return payment.snapshot();
    }

    PaymentSnapshot cancel(String paymentKey, Long amount, String reason, Long refundableAmount) {
        Payment payment = payments.byPaymentKey(paymentKey)
            .orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        payment.cancel(amount, reason, refundableAmount,
                new Payment.CancelTransaction(clock.instant(), keys.transactionKey()));
        return payment.snapshot();
    }

    PaymentSnapshot byPaymentKey(String paymentKey) {
        return current(payments.byPaymentKey(paymentKey));
    }

    PaymentSnapshot byOrderId(String orderId) {
        return current(payments.byOrderId(orderId));
    }

    private PaymentSnapshot current(Optional<Payment> found) {
        Payment payment = found.orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        payment.expireIfSessionLapsed(clock.instant(), sessionTimeout);
        return payment.snapshot();
    }

    // ---- Hook for com.acme.shop.sandbox.settlement (GET /v1/settlements), added with issue #6 ------------------
    // Read-only: the settlement package builds its rows from these copies and never changes a payment.

    /** Every payment that was ever approved (DONE, PARTIAL_CANCELED or CANCELED), with its cancel transactions. */
    public List<ApprovedPayment> approvedPayments() {
        return payments.all().stream()
            .map(Payment::snapshot)
            .filter(PaymentSnapshot::isApproved)
            .map(p -> new ApprovedPayment(p.merchantId(), p.paymentKey(), p.orderId(), p.method().label(),
                    p.method() == PaymentMethod.EASY_PAY ? "토스페이" : null, p.totalAmount(), p.approvedAt(),
                    p.approvalTransactionKey(),
                    p.cancels().stream()
                        .map(c -> new ApprovedCancel(c.cancelAmount(), c.cancelReason(), c.refundableAmount(),
                                c.canceledAt(), c.transactionKey()))
                        .toList()))
            .toList();
    }

    /** An approved payment as the settlements endpoint sees it; {@code method} is Toss's Korean label. */
    public record ApprovedPayment(String merchantId, String paymentKey, String orderId, String method,
            String easyPayProvider, long totalAmount, Instant approvedAt, String approvalTransactionKey,
            List<ApprovedCancel> cancels) {
    }

    /** One cancel of an approved payment, oldest first. */
    public record ApprovedCancel(long cancelAmount, String cancelReason, long refundableAmount, Instant canceledAt,
            String transactionKey) {
    }

}
