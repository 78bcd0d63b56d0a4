package com.acme.shop.payment.checkout;

import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.RefundAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The checkout's life before a confirm: recorded priced by the catalog (the browser gets an orderId and the amount to
 * pay), or given up by the customer at the payment window.
 */
@Service
class CheckoutService {

    private final Catalog catalog;
    private final Payments payments;
    private final Clock clock;
    private final Duration validity;

    CheckoutService(Catalog catalog, Payments payments, Clock clock,
                    @Value("${payment.checkout-validity:30m}") Duration validity) {
        this.catalog = catalog;
        this.payments = payments;
        this.clock = clock;
        this.validity = validity;
    }

    /** A recorded checkout and the token that opens it, which exists only here and in the caller's answer. */
    record Checkout(Payment payment, CheckoutToken token) {
    }

    /** The catalog call happens before the save (its own short transaction), never inside one. */
    Checkout checkout(String customerId, List<Catalog.Requested> items, RefundAccount refundAccount) {
        Catalog.Quote quote = catalog.quote(items);
        CheckoutToken token = CheckoutToken.issue();
        Payment payment = Payment.checkout(OrderIds.next(), customerId, quote.orderName(), quote.items(),
                clock.instant(), validity, token.hash());
        if (refundAccount != null) {
            payment.useRefundAccount(refundAccount);
        }
        return new Checkout(payments.save(payment), token);
    }

    /**
     * The PG's failUrl redirect, reported by the storefront ({@code PAY_PROCESS_CANCELED}: the customer closed the
     * window; {@code PAY_PROCESS_ABORTED}, {@code REJECT_CARD_COMPANY}...): the payment becomes ABORTED. Idempotent:
     * reporting it again returns the same payment.
     */
    @Transactional
    Payment abandon(String orderId, String code, String message) {
        Payment payment = payments.lockByOrderId(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
        if (payment.status() == PaymentStatus.ABORTED) {
            return payment;
        }
        if (payment.status() != PaymentStatus.READY) {
            throw new PaymentNotAbortableException(payment.orderId(), payment.status());
        }
        payment.abort(code, message, clock.instant());
        return payment;
    }
}
