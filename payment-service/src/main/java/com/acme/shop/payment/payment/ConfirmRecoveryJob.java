package com.acme.shop.payment.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves confirms whose outcome we do not know (OUTCOME_UNKNOWN) and claims that never finished
 * (IN_PROGRESS past {@code payment.confirm.stale-after}: a crash or a failed DB write after Toss
 * answered) by asking Toss ({@code GET /v1/payments/orders/{orderId}}) on a back-off schedule:
 * <ul>
 *   <li>DONE -> approved, and PAYMENT_APPROVED (exactly once: whoever settles first wins the row lock);</li>
 *   <li>ABORTED or EXPIRED -> failed;</li>
 *   <li>still IN_PROGRESS inside the confirm window -> confirm again under a new attempt key;</li>
 *   <li>anything else, or Toss unreadable -> ask again later; after the budget, MANUAL_REVIEW with the reason.</li>
 * </ul>
 * It never fails a payment that Toss may have approved. State lives in the payment row (attempts, next
 * check), so it survives restarts; each attempt takes a lease on the row, so several instances can run it.
 */
@Component
class ConfirmRecoveryJob {

    private static final Logger log = LoggerFactory.getLogger(ConfirmRecoveryJob.class);
    private static final Duration LEASE = Duration.ofSeconds(90);

    private final Payments payments;
    private final ConfirmAttempts attempts;
    private final ConfirmOutcomes outcomes;
    private final TransactionTemplate tx;
    private final ConfirmProperties confirm;
    private final RecoveryProperties properties;
    private final Clock clock;

    ConfirmRecoveryJob(Payments payments, ConfirmAttempts attempts, ConfirmOutcomes outcomes, TransactionTemplate tx,
                       ConfirmProperties confirm, RecoveryProperties properties, Clock clock) {
        this.payments = payments;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.tx = tx;
        this.confirm = confirm;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${payment.recovery.sweep-interval:2s}", initialDelayString = "3s")
    void sweep() {
        for (String orderId : payments.findDueForRecovery(clock.instant())) {
            try {
                recover(orderId);
            } catch (RuntimeException e) {
                log.warn("Recovery of {} failed this round; it stays due: {}", orderId, e.toString());
            }
        }
    }

    /** One recovery attempt for one payment, if its lease can be taken. */
    void recover(String orderId) {
        Instant now = clock.instant();
        if (payments.leaseForRecovery(orderId, now, now.plus(LEASE)) != 1) {
            return;
        }
        Payment payment = payments.findByOrderId(orderId).orElseThrow();
        Instant recheckAt = clock.instant().plus(properties.delayAfter(payment.recoveryAttempts()));
        Optional<PgResult<PgPayment>> settled = attempts.settledAtPg(orderId);
        ConfirmAttempts.Attempted attempted;
        if (settled.isPresent()) {
            attempted = new ConfirmAttempts.Attempted(settled.get(), "recovery-read-" + orderId);
        } else if (payment.insideConfirmWindow(clock.instant(), confirm.window())) {
            String key = attempts.nextKey(orderId);
            log.info("Recovery: Toss still has {} IN_PROGRESS, confirming again as {}", orderId, key);
            attempted = attempts.confirm(payment.paymentKey(), orderId, payment.totalAmount(), key);
        } else {
            attempted = new ConfirmAttempts.Attempted(new PgResult.Unknown<>(
                    "Toss still reports IN_PROGRESS after our confirm window; waiting for Toss to expire it"),
                    "recovery-read-" + orderId);
        }
        // A recovery never releases a claim: Toss may have approved during the confirm we lost track of.
        PgResult<PgPayment> result = attempted.result() instanceof PgResult.Unavailable<PgPayment> u
                ? new PgResult.Unknown<>(u.reason()) : attempted.result();
        tx.executeWithoutResult(s -> {
            ConfirmOutcomes.Recorded recorded = outcomes.record(orderId, attempted.idempotencyKey(), result, recheckAt);
            Payment after = recorded.payment();
            boolean unresolved = after.status() == PaymentStatus.OUTCOME_UNKNOWN || after.status() == PaymentStatus.IN_PROGRESS;
            if (unresolved && after.recoveryAttempts() >= properties.maxAttempts()) {
                after.parkForReview("recovery budget of " + properties.maxAttempts() + " attempts spent; last: "
                        + after.failureMessage(), clock.instant());
                log.error("Payment {} parked for MANUAL_REVIEW: {}", orderId, after.reviewReason());
            } else if (!unresolved) {
                log.info("Recovery settled payment {} as {}", orderId, after.status());
            }
        });
    }
}
