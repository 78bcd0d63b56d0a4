package com.acme.shop.payment.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The storefront reports Toss's failUrl redirect ({@code PAY_PROCESS_CANCELED}: the customer closed the
 * window; {@code PAY_PROCESS_ABORTED}, {@code REJECT_CARD_COMPANY}...). The payment becomes ABORTED.
 * Idempotent: reporting it again returns the same payment.
 */
@Service
public class AbandonService {

    private final Payments payments;
    private final Clock clock;

    AbandonService(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public Payment abandon(String orderId, String code, String message) {
        Payment payment = payments.lockByOrderId(orderId).orElseThrow(() -> PaymentProblems.notFound(orderId));
        if (payment.status() == PaymentStatus.ABORTED) {
            return payment;
        }
        if (payment.status() != PaymentStatus.READY) {
            throw PaymentProblems.notAbortable(payment);
        }
        payment.abort(code, message, clock.instant());
        return payment;
    }
}
