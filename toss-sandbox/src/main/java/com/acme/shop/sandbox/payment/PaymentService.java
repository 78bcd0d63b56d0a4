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

    private final PaymentEvents events;

    private final VirtualAccountProperties virtualAccounts;

    PaymentService(Payments payments, TossKeys keys, Clock clock, SandboxProperties properties, PaymentEvents events,
            VirtualAccountProperties virtualAccounts) {
        this.payments = payments;
        this.keys = keys;
        this.clock = clock;
        this.merchantId = properties.merchantId();
        this.sessionTimeout = properties.sessionTimeout();
        this.events = events;
        this.virtualAccounts = virtualAccounts;
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
            expireIfLapsed(payment, clock.instant());
            if (payment.decline(reason)) {
                events.changed(payment.snapshot());
            }
        });
    }

    /**
     * Applies the deadlines (10-minute confirm window, virtual-account due dates) to every payment, announcing the
     * expiries. Reads apply them too; this lets EXPIRED webhooks go out without anyone reading the payment.
     */
    public void expireLapsedSessions() {
        Instant now = clock.instant();
        payments.all().forEach(payment -> expireIfLapsed(payment, now));
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
        Instant now = clock.instant();
        expireIfLapsed(payment, now);
        VirtualAccount account = payment.method() != PaymentMethod.VIRTUAL_ACCOUNT ? null
                : VirtualAccount.issued(keys.accountNumber(), virtualAccounts.bankCode(), payment.snapshot().customerName(),
                        now.plus(Duration.ofHours(virtualAccounts.validHours())));
        payment.confirm(orderId, amount,
                new Payment.Approval(now, keys.transactionKey(), keys.secret(), sessionTimeout, account));
        return announced(payment);
    }

    /** The API cancel and the dashboard cancel (sandbox-only endpoint): same rules, same webhooks. */
    PaymentSnapshot cancel(String paymentKey, Long amount, String reason, Long refundableAmount,
            RefundAccount refundAccount) {
        Payment payment = payments.byPaymentKey(paymentKey)
            .orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        Instant now = clock.instant();
        expireIfLapsed(payment, now);
        payment.cancel(amount, reason, refundableAmount, refundAccount,
                new Payment.CancelTransaction(now, keys.transactionKey()));
        return announced(payment);
    }

    /** The customer pays into the virtual account (sandbox-only action). */
    PaymentSnapshot deposit(String paymentKey, String depositorName) {
        Payment payment = payments.byPaymentKey(paymentKey)
            .orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        Instant now = clock.instant();
        expireIfLapsed(payment, now);
        payment.deposit(now, keys.transactionKey(), depositorName);
        return announced(payment);
    }

    private PaymentSnapshot announced(Payment payment) {
        PaymentSnapshot snapshot = payment.snapshot();
        events.changed(snapshot);
        return snapshot;
    }

    private void expireIfLapsed(Payment payment, Instant now) {
        if (payment.expireIfSessionLapsed(now, sessionTimeout)) {
            events.changed(payment.snapshot());
        }
    }

    PaymentSnapshot byPaymentKey(String paymentKey) {
        return current(payments.byPaymentKey(paymentKey));
    }

    PaymentSnapshot byOrderId(String orderId) {
        return current(payments.byOrderId(orderId));
    }

    private PaymentSnapshot current(Optional<Payment> found) {
        Payment payment = found.orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND_PAYMENT));
        expireIfLapsed(payment, clock.instant());
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
