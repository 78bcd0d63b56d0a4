package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.PaymentSync;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.RefundAccount;
import com.acme.shop.platform.observability.OrderLogContext;
import com.acme.shop.platform.jobs.DurableJob;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.platform.jobs.JobQueue;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.jobs.JobTable;
import com.acme.shop.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt at one refund ({@code payment_cancel} rows REQUESTED or RETRYING; queue {@code refund} of the job
 * runner, settings under {@code shop.jobs.refund}). No transaction is held while the PG is called.
 *
 * <p>Never two cancels for one refund: before any re-send the payment is read from the PG, and if the cancel is
 * already there it is recorded instead of sent again; and only one refund of a payment is at the PG at a time, so the
 * cancel found there is this refund's. A re-send after reading goes under a new attempt key, which is
 * right whether or not the PG replays stored errors for a repeated key (docs/toss-api.md, section 6). Whatever the
 * PG answers short of the cancel, refusals included, is retried until the budget is spent; then the refund is parked
 * with the last answer for a person.
 */
@Component
class RefundJob implements DurableJob<Long> {

    private static final Logger log = LoggerFactory.getLogger(RefundJob.class);
    static final JobTable TABLE = new JobTable("payment_cancel", "id", "status", List.of("REQUESTED", "RETRYING"),
            "PARKED", "next_attempt_at", "attempts", "version");

    private final PaymentCancels cancels;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final PgRequests pgRequests;
    private final PaymentSync sync;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobQueue<Long> queue;

    RefundJob(PaymentCancels cancels, Payments payments, PaymentGateway gateway, PgRequests pgRequests,
              PaymentSync sync, OutboxWriter outbox, TransactionTemplate tx, Clock clock, JobRunner jobs) {
        this.cancels = cancels;
        this.payments = payments;
        this.gateway = gateway;
        this.pgRequests = pgRequests;
        this.sync = sync;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.queue = jobs.register("refund", TABLE, Long.class, this);
    }

    /** Works on a refund just requested, right after the transaction that requested it committed. */
    void submit(Long id) {
        queue.submit(id);
    }

    @Override
    public JobOutcome run(Job<Long> job) {
        PaymentCancel cancel = cancels.findById(job.id()).orElseThrow();
        try (OrderLogContext.Scope ignored = OrderLogContext.of(cancel.orderId())) {
            return refund(cancel);
        }
    }

    private JobOutcome refund(PaymentCancel cancel) {
        if (!cancel.isOpen()) {
            return JobOutcome.done();
        }
        Payment payment = payments.findByOrderId(cancel.orderId()).orElseThrow();
        if (pgRequests.attempts(PgRequests.Kind.CANCEL, cancel.requestId()) > 0) {
            // Sent before (an earlier attempt, or before it was parked and reopened): the PG may have done it even
            // though we got no (good) answer.
            PgResult<Optional<PgPayment>> truth = gateway.findByOrderId(cancel.orderId());
            if (!(truth instanceof PgResult.Success<Optional<PgPayment>> read) || read.value().isEmpty()) {
                return JobOutcome.retryLater("could not read the payment from the PG: " + truth);
            }
            Optional<PgPayment.PgCancel> done = ours(read.value().get(), payment, cancel);
            if (done.isPresent()) {
                complete(cancel.id(), done.get(), read.value().get());
                return JobOutcome.done();
            }
        }
        boolean virtualAccount = payment.method() == PgMethod.VIRTUAL_ACCOUNT;
        RefundAccount account = cancel.refundAccount() != null ? cancel.refundAccount() : payment.refundAccount();
        if (virtualAccount && account == null) {
            // the PG refunds a deposited virtual account only to a bank account; sending would just be refused
            return JobOutcome.park("virtual account refund needs the customer's refund account; none was given");
        }
        Optional<String> key = nextKeyUnlessAnotherIsAtThePg(cancel);
        if (key.isEmpty()) {
            return JobOutcome.waitTurn("waiting for another refund of this payment to finish at the PG first");
        }
        PgResult<PgPayment> result = gateway.cancel(payment.paymentKey(), cancel.cancelAmount(), cancel.cancelReason(),
                virtualAccount ? account : null, key.get());
        return switch (result) {
            case PgResult.Success<PgPayment> success -> ours(success.value(), payment, cancel).map(made -> {
                complete(cancel.id(), made, success.value());
                return JobOutcome.done();
            }).orElseGet(() -> JobOutcome.retryLater("the PG answered 200 but the cancel is not in its cancels list"));
            case PgResult.Rejected<PgPayment> rejected ->
                    JobOutcome.retryLater("the PG refused: " + rejected.code() + " " + rejected.message());
            case PgResult.Retryable<PgPayment> retryable ->
                    JobOutcome.retryLater("the PG answered " + retryable.code() + " " + retryable.message());
            case PgResult.Unknown<PgPayment> unknown -> JobOutcome.retryLater(unknown.reason());
            case PgResult.Unavailable<PgPayment> unavailable -> JobOutcome.retryLater(unavailable.reason());
        };
    }

    /**
     * One refund of a payment at the PG at a time. A cancel is recognised in the PG's list by its amount and position
     * (the PG's cancels carry no id of ours), which is unambiguous only while no other refund of ours may be in that
     * list unrecorded. So under the payment's lock: if another open refund of this payment has been sent, wait for it;
     * otherwise record this attempt's key, which makes this one the refund at the PG for the others.
     */
    private Optional<String> nextKeyUnlessAnotherIsAtThePg(PaymentCancel cancel) {
        return tx.execute(s -> {
            payments.lockByOrderId(cancel.orderId()).orElseThrow();
            boolean anotherSent = cancels.findByOrderIdAndStatusIn(cancel.orderId(), PaymentCancel.Status.OPEN).stream()
                    .filter(other -> !other.id().equals(cancel.id()))
                    .anyMatch(other -> pgRequests.attempts(PgRequests.Kind.CANCEL, other.requestId()) > 0);
            return anotherSent ? Optional.<String>empty()
                    : Optional.of(pgRequests.recordNextAttempt(PgRequests.Kind.CANCEL, cancel.orderId(),
                    cancel.requestId()));
        });
    }

    /**
     * The cancel the PG made for this refund and we have not recorded yet: the newest unrecorded one, if its amount is
     * what we asked for (the whole balance when we asked for no amount).
     */
    static Optional<PgPayment.PgCancel> ours(PgPayment pg, Payment payment, PaymentCancel cancel) {
        List<PgPayment.PgCancel> fresh = payment.unrecordedCancels(pg);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        PgPayment.PgCancel newest = fresh.getLast();
        boolean amountFits = cancel.cancelAmount() == null ? newest.refundableAmount() == 0
                : newest.cancelAmount() == cancel.cancelAmount();
        return amountFits ? Optional.of(newest) : Optional.empty();
    }

    /**
     * Records our cancel, then whatever else the PG's view holds that we did not know (a cancel made at the PG's
     * dashboard meanwhile), all in one transaction under the payment's lock.
     */
    private void complete(Long id, PgPayment.PgCancel made, PgPayment view) {
        tx.executeWithoutResult(s -> {
            PaymentCancel cancel = cancels.findById(id).orElseThrow();
            Payment payment = payments.lockByOrderId(cancel.orderId()).orElseThrow();
            cancel.succeed(made.transactionKey(), clock.instant());
            cancels.flush();
            PaymentCanceled event = payment.recordCancel(made.cancelAmount(), made.refundableAmount(),
                    made.transactionKey(), cancel.cancelReason(), cancel.cause(),
                    made.canceledAt() == null ? clock.instant() : made.canceledAt(), clock.instant());
            outbox.append(EventEnvelope.of(event, clock.instant()));
            sync.apply(payment, view);
        });
        log.info("Refund {} done at the PG: {} won, transaction {}", id, made.cancelAmount(), made.transactionKey());
    }

    @Override
    public void retryAt(Long id, Instant at, String reason) {
        tx.executeWithoutResult(s -> cancels.findById(id).filter(PaymentCancel::isOpen)
                .ifPresent(c -> c.retryAt(at, reason)));
    }

    @Override
    public void park(Long id, String reason) {
        tx.executeWithoutResult(s -> cancels.findById(id).filter(PaymentCancel::isOpen)
                .ifPresent(c -> c.park(reason, clock.instant())));
    }
}
