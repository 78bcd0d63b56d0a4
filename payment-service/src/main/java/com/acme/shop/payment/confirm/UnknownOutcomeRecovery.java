package com.acme.shop.payment.confirm;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.platform.observability.OrderLogContext;
import com.acme.shop.platform.jobs.DurableJob;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.platform.jobs.JobQueue;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.jobs.JobSettings;
import com.acme.shop.platform.jobs.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolves confirms whose outcome we do not know: OUTCOME_UNKNOWN payments, and IN_PROGRESS claims that never
 * finished (a crash, or a failed DB write after the PG answered; their recheck time is the claim's
 * {@code stale-after}). Each attempt asks the PG ({@code GET /v1/payments/orders/{orderId}}):
 * <ul>
 *   <li>the PG has decided (DONE, ABORTED, EXPIRED, a virtual account, even cancels): its view is applied as any
 *       confirm answer is, and PAYMENT_APPROVED is written exactly once (whoever settles first wins the row lock);</li>
 *   <li>it still awaits a confirm and its confirm window is open: confirm again under a new attempt key;</li>
 *   <li>anything else, or the PG unreadable: ask again after the back-off; once the attempt budget is spent the job
 *       runner parks the payment in MANUAL_REVIEW with the last reason.</li>
 * </ul>
 * It never fails a payment the PG may have approved, and never releases one. The queue is the payment table itself
 * (queue {@code confirm-recovery} of the job runner; settings under {@code shop.jobs.confirm-recovery}).
 */
@Component
class UnknownOutcomeRecovery implements DurableJob<String> {

    private static final Logger log = LoggerFactory.getLogger(UnknownOutcomeRecovery.class);
    static final JobTable TABLE = new JobTable("payment", "order_id", "status", List.of("IN_PROGRESS", "OUTCOME_UNKNOWN"),
            "MANUAL_REVIEW", "next_recovery_at", "recovery_attempts", "version");

    private final Payments payments;
    private final ConfirmAttempts attempts;
    private final ConfirmOutcomes outcomes;
    private final TransactionTemplate tx;
    private final ConfirmProperties confirm;
    private final Clock clock;
    private final JobQueue<String> queue;

    UnknownOutcomeRecovery(Payments payments, ConfirmAttempts attempts, ConfirmOutcomes outcomes,
                           TransactionTemplate tx, ConfirmProperties confirm, Clock clock, JobRunner jobs) {
        this.payments = payments;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.tx = tx;
        this.confirm = confirm;
        this.clock = clock;
        this.queue = jobs.register("confirm-recovery", TABLE, String.class, this);
    }

    JobSettings settings() {
        return queue.settings();
    }

    /**
     * An operator asked to re-check now: the next attempt is due at once and handed to a worker, which takes its lease
     * as any attempt does (so it never runs beside another attempt of the same payment).
     */
    void dueNow(String orderId, String why) {
        Integer attemptsSoFar = tx.execute(s -> payments.lockByOrderId(orderId)
                .filter(p -> p.status().awaitsConfirmAnswer())
                .map(p -> {
                    p.recheckAt(clock.instant(), why, clock.instant());
                    return p.recoveryAttempts();
                }).orElse(null));
        if (attemptsSoFar != null) {
            queue.submit(orderId, attemptsSoFar);
        }
    }

    @Override
    public JobOutcome run(Job<String> job) {
        try (OrderLogContext.Scope ignored = OrderLogContext.of(job.id())) {
            return recover(job);
        }
    }

    private JobOutcome recover(Job<String> job) {
        String orderId = job.id();
        Payment payment = payments.findByOrderId(orderId).orElseThrow();
        PgResult<PgPayment> answer = answer(payment, attempts, clock.instant(), confirm.window());
        ConfirmResult result = tx.execute(s -> outcomes.record(orderId, answer, job.retryAt(), false));
        if (PaymentStatus.valueOf(result.payment().status()).awaitsConfirmAnswer()) {
            return JobOutcome.retryLater(describe(answer));
        }
        // settled either way, or MANUAL_REVIEW because the PG holds something other than what we asked for
        log.info("Recovery settled payment {} as {}", orderId, result.payment().status());
        return JobOutcome.done();
    }

    static String describe(PgResult<PgPayment> answer) {
        return switch (answer) {
            case PgResult.Success<PgPayment> s -> "the PG reports " + s.value().status();
            case PgResult.Rejected<PgPayment> r -> "the PG refused: " + r.code();
            case PgResult.Retryable<PgPayment> r -> "the PG answered " + r.code();
            case PgResult.Unknown<PgPayment> u -> u.reason();
            case PgResult.Unavailable<PgPayment> u -> "the PG unreachable: " + u.reason();
        };
    }

    /**
     * What the PG says now, as the answer to our lost confirm: its view when it has decided; a new confirm while it
     * still awaits one and its window is open; unknown otherwise. Never "not sent", since our confirm may have been.
     */
    static PgResult<PgPayment> answer(Payment payment, ConfirmAttempts attempts, Instant now, Duration window) {
        Optional<PgResult<PgPayment>> decided = attempts.decidedAtPg(payment.orderId());
        PgResult<PgPayment> answer;
        if (decided.isPresent()) {
            answer = decided.get();
        } else if (payment.insideConfirmWindow(now, window)) {
            String key = attempts.nextKey(payment.orderId());
            log.info("Recovery: the PG still awaits a confirm of {}, confirming again as {}", payment.orderId(), key);
            answer = attempts.confirm(payment.paymentKey(), payment.orderId(), payment.totalAmount(), key);
        } else {
            answer = new PgResult.Unknown<>("the PG still awaits a confirm after our confirm window; waiting for the PG "
                    + "to expire it");
        }
        return answer instanceof PgResult.Unavailable<PgPayment> u ? new PgResult.Unknown<>(u.reason()) : answer;
    }

    @Override
    public void retryAt(String orderId, Instant at, String reason) {
        tx.executeWithoutResult(s -> payments.lockByOrderId(orderId)
                .filter(p -> p.status().awaitsConfirmAnswer())
                .ifPresent(p -> p.recheckAt(at, reason, clock.instant())));
    }

    @Override
    public void park(String orderId, String reason) {
        tx.executeWithoutResult(s -> payments.lockByOrderId(orderId)
                .filter(p -> p.status().awaitsConfirmAnswer())
                .ifPresent(p -> p.parkForReview(reason, clock.instant())));
    }
}
