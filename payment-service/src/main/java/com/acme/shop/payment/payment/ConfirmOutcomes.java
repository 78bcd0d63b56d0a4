package com.acme.shop.payment.payment;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Records what the PG said about a confirm, under the payment's row lock, in the caller's short
 * transaction. Used by the confirm request and by the recovery job; whichever comes first settles the
 * payment and the other finds it settled, so PAYMENT_APPROVED is written exactly once.
 */
@Component
class ConfirmOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ConfirmOutcomes.class);

    private final Payments payments;
    private final PgRequests pgRequests;
    private final OutboxWriter outbox;
    private final Clock clock;

    ConfirmOutcomes(Payments payments, PgRequests pgRequests, OutboxWriter outbox, Clock clock) {
        this.payments = payments;
        this.pgRequests = pgRequests;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param recheckAt when to ask the PG again if the outcome stays unknown
     * @return what the caller should answer; {@code unavailable} when the request provably never reached the PG
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Recorded record(String orderId, String idempotencyKey, PgResult<PgPayment> result, Instant recheckAt) {
        Instant now = clock.instant();
        Payment payment = payments.lockByOrderId(orderId).orElseThrow();
        if (payment.status() != PaymentStatus.IN_PROGRESS && payment.status() != PaymentStatus.OUTCOME_UNKNOWN) {
            // Someone else (the recovery job, a webhook, a concurrent request) settled it meanwhile: theirs stands.
            log.info("Confirm answer for {} arrived after the payment became {}; keeping that", orderId, payment.status());
            pgRequests.recordOutcome(idempotencyKey, "SUPERSEDED", null, null, now);
            return new Recorded(payment, null, false);
        }
        return switch (result) {
            case PgResult.Success<PgPayment> success -> approved(payment, idempotencyKey, success.value(), recheckAt);
            case PgResult.Rejected<PgPayment> rejected -> {
                pgRequests.recordOutcome(idempotencyKey, "REJECTED", rejected.httpStatus(), rejected.code(), now);
                if ("EXPIRED".equals(rejected.code()) || "EXPIRED_PAYMENT".equals(rejected.code())) {
                    payment.expire(now);
                } else {
                    payment.abort(rejected.code(), rejected.message(), now);
                }
                yield new Recorded(payment, rejected, false);
            }
            case PgResult.Retryable<PgPayment> retryable -> unknown(payment, idempotencyKey,
                    "Toss answered " + retryable.code(), recheckAt);
            case PgResult.Unknown<PgPayment> unknown -> unknown(payment, idempotencyKey, unknown.reason(), recheckAt);
            case PgResult.Unavailable<PgPayment> unavailable -> {
                pgRequests.recordOutcome(idempotencyKey, "NOT_SENT", null, null, now);
                if (payment.status() == PaymentStatus.IN_PROGRESS) {
                    payment.releaseClaim(now);
                    yield new Recorded(payment, null, true);
                }
                payment.recheckAt(recheckAt, "Toss unreachable: " + unavailable.reason(), now);
                yield new Recorded(payment, null, false);
            }
        };
    }

    private Recorded unknown(Payment payment, String key, String reason, Instant recheckAt) {
        pgRequests.recordOutcome(key, "UNKNOWN", null, null, clock.instant());
        if (payment.status() == PaymentStatus.IN_PROGRESS) {
            payment.markOutcomeUnknown(reason, clock.instant(), recheckAt);
        } else {
            payment.recheckAt(recheckAt, reason, clock.instant());
        }
        return new Recorded(payment, null, false);
    }

    private Recorded approved(Payment payment, String key, PgPayment pg, Instant recheckAt) {
        pgRequests.recordOutcome(key, "APPROVED", 200, null, clock.instant());
        boolean matches = payment.orderId().equals(pg.orderId()) && payment.totalAmount() == pg.totalAmount();
        if (matches && "WAITING_FOR_DEPOSIT".equals(pg.status())) {
            // a virtual account was issued: the saga starts with the deposit (DEPOSIT_CALLBACK, re-checked at Toss)
            payment.awaitDeposit(pg, clock.instant());
            return new Recorded(payment, null, false);
        }
        if (!matches || !"DONE".equals(pg.status())) {
            // Toss holds something other than what we asked for: never ship it, let a person look.
            String reason = "Toss reports " + pg.status() + " " + pg.totalAmount() + " won for order " + pg.orderId()
                    + "; checkout was " + payment.totalAmount() + " won";
            log.error("Confirm of {}: {}", payment.orderId(), reason);
            payment.parkForReview(reason, clock.instant());
            return new Recorded(payment, null, false);
        }
        PaymentApproved event = payment.approve(pg, clock.instant());
        outbox.append(EventEnvelope.of(event, clock.instant()));
        return new Recorded(payment, null, false);
    }

    /**
     * @param rejection the PG's refusal when the payment was declined
     * @param released  the claim was released because the request never reached the PG
     */
    record Recorded(Payment payment, PgResult.Rejected<PgPayment> rejection, boolean released) {
    }
}
