package com.acme.shop.payment.payment;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.payment.compensation.RefundService;
import com.acme.shop.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Brings our payment in line with what Toss says about it now. Used for webhooks, whose bodies are
 * never trusted: the payment is re-read from Toss and only a legal transition from our current state is
 * applied, so stale, duplicated and out-of-order webhooks change nothing, and a webhook racing the
 * confirm or the recovery job cannot publish a second PAYMENT_APPROVED (they all settle under the row lock).
 */
@Component
public class PaymentSync {

    /** States in which an approval at Toss is news to us. */
    private static final Set<PaymentStatus> AWAITING_APPROVAL = EnumSet.of(PaymentStatus.IN_PROGRESS,
            PaymentStatus.OUTCOME_UNKNOWN, PaymentStatus.WAITING_FOR_DEPOSIT, PaymentStatus.MANUAL_REVIEW);
    /** States in which a failure at Toss can still end the payment. */
    private static final Set<PaymentStatus> FAILABLE = EnumSet.of(PaymentStatus.READY, PaymentStatus.IN_PROGRESS,
            PaymentStatus.OUTCOME_UNKNOWN, PaymentStatus.WAITING_FOR_DEPOSIT, PaymentStatus.MANUAL_REVIEW);

    private final Payments payments;
    private final PaymentGateway gateway;
    private final RefundService refunds;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaymentSync(Payments payments, PaymentGateway gateway, RefundService refunds, OutboxWriter outbox,
                TransactionTemplate tx, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.refunds = refunds;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the sync did, for the webhook log. */
    public sealed interface Result {
        record Applied(String what) implements Result {
        }

        record NoChange(String why) implements Result {
        }

        /** Toss could not be read; try again later. */
        record TryLater(String why) implements Result {
        }
    }

    public Result syncFromToss(String orderId) {
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(orderId);
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success)) {
            return new Result.TryLater("Toss not readable: " + read);
        }
        if (success.value().isEmpty()) {
            return new Result.NoChange("Toss does not know order " + orderId);
        }
        PgPayment pg = success.value().get();
        return tx.execute(s -> payments.lockByOrderId(orderId).map(payment -> apply(payment, pg))
                .orElseGet(() -> new Result.NoChange("no payment with orderId " + orderId)));
    }

    private Result apply(Payment payment, PgPayment pg) {
        if (!payment.orderId().equals(pg.orderId()) || payment.totalAmount() != pg.totalAmount()) {
            return new Result.NoChange("Toss reports " + pg.totalAmount() + " won; ours is " + payment.totalAmount()
                    + ": not applied");
        }
        PaymentStatus ours = payment.status();
        return switch (pg.status()) {
            case "DONE" -> {
                if (AWAITING_APPROVAL.contains(ours)) {
                    approve(payment, pg);
                    yield new Result.Applied(ours + " -> DONE, PAYMENT_APPROVED published");
                }
                yield new Result.NoChange("already " + ours);
            }
            case "CANCELED", "PARTIAL_CANCELED" -> cancels(payment, pg);
            case "ABORTED", "EXPIRED" -> {
                if (!FAILABLE.contains(ours)) {
                    yield new Result.NoChange("Toss says " + pg.status() + " but ours is " + ours + ": stale, ignored");
                }
                if ("EXPIRED".equals(pg.status())) {
                    payment.expire(clock.instant());
                } else {
                    payment.abort(pg.failureCode() == null ? "ABORTED" : pg.failureCode(), pg.failureMessage(),
                            clock.instant());
                }
                yield new Result.Applied(ours + " -> " + payment.status());
            }
            case "WAITING_FOR_DEPOSIT" -> {
                if (ours == PaymentStatus.IN_PROGRESS || ours == PaymentStatus.OUTCOME_UNKNOWN) {
                    payment.awaitDeposit(pg, clock.instant());
                    yield new Result.Applied(ours + " -> WAITING_FOR_DEPOSIT");
                }
                yield new Result.NoChange("Toss waits for the deposit; ours is " + ours);
            }
            default -> new Result.NoChange("Toss reports " + pg.status() + "; nothing to apply to " + ours);
        };
    }

    private Result cancels(Payment payment, PgPayment pg) {
        PaymentStatus ours = payment.status();
        if (ours == PaymentStatus.WAITING_FOR_DEPOSIT && pg.approvedAt() == null) {
            payment.cancelBeforeDeposit(pg.lastTransactionKey(), clock.instant());
            return new Result.Applied("virtual account canceled before deposit");
        }
        if (refunds.hasOpenRefund(payment.orderId())) {
            return new Result.NoChange("our own refund is in progress and records its cancel itself");
        }
        String approved = "";
        if (AWAITING_APPROVAL.contains(ours)) {
            // Toss approved and then canceled while we did not know about the approval: both happened.
            approve(payment, pg);
            approved = ours + " -> DONE, PAYMENT_APPROVED published; ";
        }
        if (!payment.status().isPaid()) {
            return new Result.NoChange("Toss reports " + pg.status() + " but ours is " + payment.status());
        }
        int recorded = refunds.recordCancelsMadeElsewhere(payment, pg);
        return recorded == 0 && approved.isEmpty() ? new Result.NoChange("cancels already recorded")
                : new Result.Applied(approved + recorded + " cancel(s) made at Toss recorded, PAYMENT_CANCELED published");
    }

    private void approve(Payment payment, PgPayment pg) {
        // The approval's own figures: the balance before any cancel Toss lists. Once Toss lists cancels, its
        // lastTransactionKey is the latest cancel's; the approval's key is then not in the Payment object
        // (GET /v1/transactions has it), so a stable stand-in derived from the paymentKey is used.
        long cancelled = pg.cancels().stream().mapToLong(PgPayment.PgCancel::cancelAmount).sum();
        String approvalKey = pg.cancels().isEmpty() ? pg.lastTransactionKey()
                : ("APPROVAL-" + pg.paymentKey()).substring(0, Math.min(64, 9 + pg.paymentKey().length()));
        PgPayment asApproved = new PgPayment(pg.paymentKey(), pg.orderId(), "DONE", pg.method(), pg.easyPayProvider(),
                pg.totalAmount(), pg.balanceAmount() + cancelled, approvalKey,
                pg.approvedAt(), null, null, java.util.List.of(), pg.secret(), pg.virtualAccount());
        outbox.append(EventEnvelope.of(payment.approve(asApproved, clock.instant()), clock.instant()));
    }
}
