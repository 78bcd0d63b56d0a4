package com.acme.shop.payment.confirm;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentSync;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

/**
 * Records what the PG said about a confirm, under the payment's row lock, in the caller's short transaction, and
 * answers with the confirm's result. Used by the confirm request and by recovery; whichever comes first settles the
 * payment and the other finds it settled, so PAYMENT_APPROVED is written exactly once. A payment the PG reports is
 * applied through {@link PaymentSync}, as every other report of the PG is.
 */
@Component
class ConfirmOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ConfirmOutcomes.class);
    /** Refusals that mean the PG's deadline passed rather than a decline. */
    private static final Set<String> EXPIRY_CODES = Set.of("EXPIRED", "EXPIRED_PAYMENT");
    /** The PG's answer to a confirm of a paymentKey it has no payment (session) for (docs/toss-api.md, section 7). */
    private static final Set<String> KEY_UNKNOWN_CODES = Set.of("NOT_FOUND_PAYMENT", "NOT_FOUND_PAYMENT_SESSION");

    private final Payments payments;
    private final PaymentSync sync;
    private final PaymentOrderMappings mappings;
    private final Clock clock;

    ConfirmOutcomes(Payments payments, PaymentSync sync, PaymentOrderMappings mappings, Clock clock) {
        this.payments = payments;
        this.sync = sync;
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * @param result    the PG's answer; recovery hands in {@link PgResult.Unknown} where the PG was not reached, since
     *                  a payment whose confirm may have been processed must never be released
     * @param recheckAt when recovery should ask the PG if the outcome stays unknown
     * @param freshKey  this confirm bound the paymentKey to the order (the key was never used before)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    ConfirmResult record(String orderId, PgResult<PgPayment> result, Instant recheckAt, boolean freshKey) {
        Instant now = clock.instant();
        Payment payment = payments.lockByOrderId(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
        if (!payment.status().awaitsConfirmAnswer()) {
            // Someone else (recovery, a webhook, a concurrent request) settled it meanwhile: theirs stands.
            log.info("Confirm answer for {} arrived after the payment became {}; keeping that", orderId, payment.status());
            return ConfirmResult.of(payment);
        }
        String paymentKey = payment.paymentKey();
        ConfirmResult decided = decide(payment, result, recheckAt, now, pg -> sync.apply(payment, pg), freshKey);
        if (decided instanceof ConfirmResult.UnknownPaymentKey) {
            mappings.unbind(orderId, paymentKey);
        }
        return decided;
    }

    /**
     * The rules, apart from loading and locking: what an answer of the PG does to a payment that awaits it, and the
     * answer the confirm gives.
     *
     * @param applyView applies a payment the PG reported ({@link PaymentSync} in production)
     * @param freshKey  the paymentKey was first used by this confirm: if the PG does not know it, the key was made up
     *                  or mistyped, nothing was charged, and the checkout must stay confirmable by the real key (an
     *                  abort would let anyone who knows an orderId spoil the customer's payment)
     */
    static ConfirmResult decide(Payment payment, PgResult<PgPayment> result, Instant recheckAt, Instant now,
                                Function<PgPayment, Payment.Applied> applyView, boolean freshKey) {
        if (freshKey && result instanceof PgResult.Rejected<PgPayment> rejected
                && KEY_UNKNOWN_CODES.contains(rejected.code()) && payment.status() == PaymentStatus.IN_PROGRESS) {
            payment.releaseForAnotherKey(now);
            return new ConfirmResult.UnknownPaymentKey(PaymentView.of(payment));
        }
        return switch (result) {
            case PgResult.Success<PgPayment> success -> {
                Payment.Applied applied = applyView.apply(success.value());
                if (!applied.changed() && payment.status().awaitsConfirmAnswer()) {
                    yield unknown(payment, "the PG answered the confirm with " + success.value().status(), recheckAt,
                            now);
                }
                yield ConfirmResult.of(payment);
            }
            case PgResult.Rejected<PgPayment> rejected -> {
                if (EXPIRY_CODES.contains(rejected.code())) {
                    payment.expire(now);
                } else {
                    payment.abort(rejected.code(), rejected.message(), now);
                }
                yield new ConfirmResult.Declined(PaymentView.of(payment), rejected.code(), rejected.message());
            }
            case PgResult.Retryable<PgPayment> retryable ->
                    unknown(payment, "the PG answered " + retryable.code(), recheckAt, now);
            case PgResult.Unknown<PgPayment> unknown -> unknown(payment, unknown.reason(), recheckAt, now);
            case PgResult.Unavailable<PgPayment> unavailable -> {
                if (payment.status() == PaymentStatus.IN_PROGRESS) {
                    payment.releaseClaim(now);
                } else {
                    payment.recheckAt(recheckAt, "PG unreachable: " + unavailable.reason(), now);
                }
                yield ConfirmResult.of(payment);
            }
        };
    }

    private static ConfirmResult unknown(Payment payment, String reason, Instant recheckAt, Instant now) {
        if (payment.status() == PaymentStatus.IN_PROGRESS) {
            payment.markOutcomeUnknown(reason, now, recheckAt);
        } else {
            payment.recheckAt(recheckAt, reason, now);
        }
        return ConfirmResult.of(payment);
    }
}
