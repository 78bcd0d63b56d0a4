package com.acme.shop.payment.checkout;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentSync;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.PgStatus;
import com.acme.shop.platform.observability.OrderLogContext;
import com.acme.shop.platform.jobs.DurableJob;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.jobs.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Watches an open virtual account and closes it when its due date passed, but only after asking Toss. Before the
 * due date it looks at Toss now and then ({@link Payment#watchDeposit}): a deposit whose webhooks were all lost is
 * found and applied as any report of Toss is. At the due date it closes the account only after asking Toss: Toss sends no webhook when an account
 * lapses, and a deposit made just before the due date may be reported after it (a webhook delayed or lost). Each
 * attempt reads the payment at Toss: a deposit found is applied as any report of Toss is, and the saga starts; an
 * account Toss still shows waiting past its due date is expired; Toss unreadable is asked again after the back-off,
 * and after the budget the payment goes to MANUAL_REVIEW, never to EXPIRED while Toss may hold the money.
 * The queue is the payment table (status WAITING_FOR_DEPOSIT, due at {@code next_recovery_at}, which
 * {@code Payment.awaitDeposit} sets to the account's due date); settings under {@code shop.jobs.deposit-deadline}.
 */
@Component
class DepositDeadline implements DurableJob<String> {

    private static final Logger log = LoggerFactory.getLogger(DepositDeadline.class);
    static final JobTable TABLE = new JobTable("payment", "order_id", "status", List.of("WAITING_FOR_DEPOSIT"),
            "MANUAL_REVIEW", "next_recovery_at", "recovery_attempts", "version");

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentSync sync;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration watchMaxInterval;

    DepositDeadline(Payments payments, PaymentGateway gateway, PaymentSync sync, TransactionTemplate tx, Clock clock,
                    JobRunner jobs, @Value("${payment.deposit.watch-max-interval:1h}") Duration watchMaxInterval) {
        this.watchMaxInterval = watchMaxInterval;
        this.payments = payments;
        this.gateway = gateway;
        this.sync = sync;
        this.tx = tx;
        this.clock = clock;
        jobs.register("deposit-deadline", TABLE, String.class, this);
    }

    @Override
    public JobOutcome run(Job<String> job) {
        try (OrderLogContext.Scope ignored = OrderLogContext.of(job.id())) {
            return check(job);
        }
    }

    private JobOutcome check(Job<String> job) {
        String orderId = job.id();
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(orderId);
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success) || success.value().isEmpty()) {
            // before the due date nothing is lost by looking later: the attempt budget is for the due date
            if (Boolean.TRUE.equals(tx.execute(s -> payments.lockByOrderId(orderId).filter(this::watched)
                    .map(p -> { p.watchDeposit(watchMaxInterval, clock.instant()); return true; }).orElse(false)))) {
                return JobOutcome.done();
            }
            return JobOutcome.retryLater("could not read the virtual account at the PG: " + read);
        }
        PgPayment pg = success.value().get();
        String outcome = tx.execute(s -> payments.lockByOrderId(orderId)
                .map(payment -> settle(payment, pg))
                .orElse("no payment"));
        if (outcome == null) {
            return JobOutcome.retryLater("the PG reports " + pg.status() + " for an account past its due date");
        }
        if (outcome.equals(STILL_WAITING)) {
            log.debug("Virtual account of {}: the PG still waits for the deposit", orderId);
        }
        else {
            log.info("Virtual account of {}: {}", orderId, outcome);
        }
        return JobOutcome.done();
    }

    static final String STILL_WAITING = "the PG still waits for the deposit; looked again later";

    /** An open account before its due date: looked at now and then, never closed. */
    private boolean watched(Payment payment) {
        return payment.status() == PaymentStatus.WAITING_FOR_DEPOSIT && payment.virtualAccountDueAt() != null
                && !payment.depositOverdue(clock.instant());
    }

    /** What the PG's view settles; null when it settles nothing yet. */
    private String settle(Payment payment, PgPayment pg) {
        if (payment.status() != PaymentStatus.WAITING_FOR_DEPOSIT) {
            return "already " + payment.status();
        }
        if (pg.status() == PgStatus.WAITING_FOR_DEPOSIT) {
            if (watched(payment)) {
                payment.watchDeposit(watchMaxInterval, clock.instant());
                return STILL_WAITING; // not yet past the account's own due date
            }
            payment.expire(clock.instant());
            return "the PG still waits for the deposit: EXPIRED";
        }
        Payment.Applied applied = sync.apply(payment, pg);
        return applied.changed() ? applied.summary() : null;
    }

    @Override
    public void retryAt(String orderId, Instant at, String reason) {
        tx.executeWithoutResult(s -> payments.lockByOrderId(orderId)
                .filter(p -> p.status() == PaymentStatus.WAITING_FOR_DEPOSIT)
                .ifPresent(p -> p.recheckAt(at, reason, clock.instant())));
    }

    @Override
    public void park(String orderId, String reason) {
        tx.executeWithoutResult(s -> payments.lockByOrderId(orderId)
                .filter(p -> p.status() == PaymentStatus.WAITING_FOR_DEPOSIT)
                .ifPresent(p -> p.parkForReview(reason, clock.instant())));
    }
}
