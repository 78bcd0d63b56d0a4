package com.acme.shop.payment.compensation;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.payment.Payment;
import com.acme.shop.payment.payment.PaymentGateway;
import com.acme.shop.payment.payment.Payments;
import com.acme.shop.payment.payment.PgPayment;
import com.acme.shop.payment.payment.PgRequests;
import com.acme.shop.payment.payment.PgResult;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The compensating refund: when order-service cannot create the order, the whole remaining balance is
 * refunded at Toss. The refund is a row with its own lifecycle ({@link PaymentCancel}), so it survives
 * restarts and is retried until Toss confirms it or the budget is spent (then parked for a person).
 *
 * <p>Never two cancels for one refund: before any re-send the payment is read from Toss, and if the
 * cancel is already there it is recorded instead of sent again. A re-send after reading goes under a
 * new attempt key, which is right whether or not Toss replays stored errors for a repeated key.
 */
@Service
public class RefundService {

    static final String CONSUMER = "payment-service";
    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentCancels cancels;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final PgRequests pgRequests;
    private final OutboxWriter outbox;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final RefundWorker worker;
    private final RefundProperties properties;
    private final Clock clock;

    RefundService(PaymentCancels cancels, Payments payments, PaymentGateway gateway, PgRequests pgRequests,
                  OutboxWriter outbox, Inbox inbox, TransactionTemplate tx, RefundWorker worker,
                  RefundProperties properties, Clock clock) {
        this.cancels = cancels;
        this.payments = payments;
        this.gateway = gateway;
        this.pgRequests = pgRequests;
        this.outbox = outbox;
        this.inbox = inbox;
        this.tx = tx;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    /** ORDER_CREATION_FAILED: records the refund we owe (once per order), then works on it after commit. */
    @Transactional
    public void onOrderCreationFailed(EventEnvelope<?> event, OrderCreationFailed failed) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        String requestId = "comp-" + failed.orderId();
        if (cancels.findByRequestId(requestId).isPresent()) {
            return;
        }
        Optional<Payment> payment = payments.findByOrderId(failed.orderId());
        if (payment.isEmpty() || !payment.get().canBeCanceled()) {
            log.error("ORDER_CREATION_FAILED for {} but payment is {}; nothing to refund automatically",
                    failed.orderId(), payment.map(p -> p.status().name()).orElse("unknown"));
            return;
        }
        PaymentCancel cancel = cancels.save(PaymentCancel.request(requestId, failed.orderId(),
                CancelCause.ORDER_CREATION_FAILED, null, compensationReason(failed), clock.instant()));
        Long id = cancel.id();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.submit(() -> process(id));
            }
        });
    }

    /** A refund of ours is still being worked on for this order: its cancel at Toss will be recorded by us. */
    public boolean hasOpenRefund(String orderId) {
        return cancels.findByOrderIdOrderById(orderId).stream()
                .anyMatch(c -> c.status() == PaymentCancel.Status.REQUESTED || c.status() == PaymentCancel.Status.RETRYING);
    }

    /**
     * Records cancels that Toss made without us (Toss dashboard, or learnt from a webhook): each cancel
     * transaction we do not know yet becomes a SUCCEEDED refund row (unique transaction key) and a
     * PAYMENT_CANCELED with cause EXTERNAL. Must run in the caller's transaction, under the payment's lock.
     *
     * @return how many cancels were recorded
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int recordCancelsMadeElsewhere(Payment payment, PgPayment pg) {
        List<String> recorded = cancels.recordedTransactionKeys(payment.orderId());
        int count = 0;
        for (PgPayment.PgCancel pgCancel : pg.cancels()) {
            if (pgCancel.transactionKey() == null || recorded.contains(pgCancel.transactionKey())) {
                continue;
            }
            String reason = pgCancel.cancelReason() == null ? "토스 대시보드에서 취소" : pgCancel.cancelReason();
            PaymentCancel cancel = PaymentCancel.request("ext-" + pgCancel.transactionKey(), payment.orderId(),
                    CancelCause.EXTERNAL, pgCancel.cancelAmount(), reason, clock.instant());
            cancel.succeed(pgCancel.transactionKey(), clock.instant());
            cancels.save(cancel);
            PaymentCanceled event = payment.recordCancel(pgCancel.cancelAmount(), pgCancel.refundableAmount(),
                    pgCancel.transactionKey(), reason, CancelCause.EXTERNAL,
                    pgCancel.canceledAt() == null ? clock.instant() : pgCancel.canceledAt(), clock.instant());
            outbox.append(EventEnvelope.of(event, clock.instant()));
            count++;
        }
        return count;
    }

    static String compensationReason(OrderCreationFailed failed) {
        String cause = switch (failed.reasonCode()) {
            case OUT_OF_STOCK -> "재고 부족";
            case PRODUCT_NOT_SELLABLE -> "판매 중지 상품";
            case TECHNICAL -> "주문 시스템 오류";
        };
        return "주문 생성 실패(" + cause + ")로 인한 자동 환불";
    }

    /** Refunds whose next attempt is due; several instances may work on them at once (leases). */
    public List<Long> dueRefunds() {
        return cancels.findDue(clock.instant());
    }

    /** One attempt at one refund, if its lease can be taken. No transaction is held while Toss is called. */
    public void process(Long id) {
        Instant now = clock.instant();
        if (cancels.lease(id, now, now.plus(properties.lease())) != 1) {
            return; // not due, finished, or another instance holds it
        }
        PaymentCancel cancel = cancels.findById(id).orElseThrow();
        Payment payment = payments.findByOrderId(cancel.orderId()).orElseThrow();
        if (cancel.attempts() > 1) {
            // A retry: Toss may have done the earlier attempt even though we got no (good) answer.
            PgResult<Optional<PgPayment>> truth = gateway.findByOrderId(cancel.orderId());
            if (!(truth instanceof PgResult.Success<Optional<PgPayment>> read) || read.value().isEmpty()) {
                retryLater(id, "could not read the payment from Toss: " + truth);
                return;
            }
            Optional<PgPayment.PgCancel> done = unrecordedCancel(read.value().get(), cancel);
            if (done.isPresent()) {
                complete(id, done.get());
                return;
            }
        }
        if ("가상계좌".equals(payment.method()) && payment.refundAccount() == null) {
            // Toss refunds a deposited virtual account only to a bank account; sending would just be refused.
            tx.executeWithoutResult(s -> cancels.findById(id).orElseThrow().park(
                    "virtual account refund needs the customer's refund account; none was given at checkout",
                    clock.instant()));
            log.error("Refund {} for order {} PARKED: no refund account for a virtual-account payment",
                    cancel.requestId(), cancel.orderId());
            return;
        }
        String key = tx.execute(s -> pgRequests.recordNextAttempt(PgRequests.Kind.CANCEL, cancel.orderId(),
                cancel.requestId(), clock.instant()));
        PgResult<PgPayment> result = gateway.cancel(payment.paymentKey(), cancel.cancelAmount(), cancel.cancelReason(),
                "가상계좌".equals(payment.method()) ? payment.refundAccount() : null, key);
        switch (result) {
            case PgResult.Success<PgPayment> success -> {
                pgRequests.recordOutcome(key, "CANCELED", 200, null, clock.instant());
                Optional<PgPayment.PgCancel> made = unrecordedCancel(success.value(), cancel);
                if (made.isPresent()) {
                    complete(id, made.get());
                } else {
                    retryLater(id, "Toss answered 200 but the cancel is not in its cancels list");
                }
            }
            case PgResult.Rejected<PgPayment> rejected -> {
                pgRequests.recordOutcome(key, "REJECTED", rejected.httpStatus(), rejected.code(), clock.instant());
                retryLater(id, "Toss refused: " + rejected.code() + " " + rejected.message());
            }
            case PgResult.Retryable<PgPayment> retryable -> {
                pgRequests.recordOutcome(key, "RETRYABLE", retryable.httpStatus(), retryable.code(), clock.instant());
                retryLater(id, "Toss answered " + retryable.code() + " " + retryable.message());
            }
            case PgResult.Unknown<PgPayment> unknown -> {
                pgRequests.recordOutcome(key, "UNKNOWN", null, null, clock.instant());
                retryLater(id, unknown.reason());
            }
            case PgResult.Unavailable<PgPayment> unavailable -> {
                pgRequests.recordOutcome(key, "NOT_SENT", null, null, clock.instant());
                retryLater(id, unavailable.reason());
            }
        }
    }

    /**
     * The cancel Toss made for this refund and we have not recorded yet: the newest cancel whose
     * transaction key is unknown to us and whose amount is what we asked for (the whole balance when
     * we asked for no amount).
     */
    private Optional<PgPayment.PgCancel> unrecordedCancel(PgPayment pg, PaymentCancel cancel) {
        List<String> recorded = cancels.recordedTransactionKeys(cancel.orderId());
        List<PgPayment.PgCancel> fresh = pg.cancels().stream()
                .filter(c -> c.transactionKey() != null && !recorded.contains(c.transactionKey()))
                .toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        PgPayment.PgCancel newest = fresh.getLast();
        boolean amountFits = cancel.cancelAmount() == null ? newest.refundableAmount() == 0
                : newest.cancelAmount() == cancel.cancelAmount();
        return amountFits ? Optional.of(newest) : Optional.empty();
    }

    private void complete(Long id, PgPayment.PgCancel pgCancel) {
        tx.executeWithoutResult(s -> {
            PaymentCancel cancel = cancels.findById(id).orElseThrow();
            Payment payment = payments.lockByOrderId(cancel.orderId()).orElseThrow();
            cancel.succeed(pgCancel.transactionKey(), clock.instant());
            PaymentCanceled event = payment.recordCancel(pgCancel.cancelAmount(), pgCancel.refundableAmount(),
                    pgCancel.transactionKey(), cancel.cancelReason(), cancel.cause(),
                    pgCancel.canceledAt() == null ? clock.instant() : pgCancel.canceledAt(), clock.instant());
            outbox.append(EventEnvelope.of(event, clock.instant()));
        });
        log.info("Refund {} done at Toss: {} won, transaction {}", id, pgCancel.cancelAmount(), pgCancel.transactionKey());
    }

    private void retryLater(Long id, String error) {
        tx.executeWithoutResult(s -> {
            PaymentCancel cancel = cancels.findById(id).orElseThrow();
            if (cancel.attempts() >= properties.maxAttempts()) {
                cancel.park("retry budget of " + properties.maxAttempts() + " attempts spent; last error: " + error,
                        clock.instant());
                log.error("Refund {} for order {} PARKED for manual review: {}", cancel.requestId(), cancel.orderId(), error);
            } else {
                cancel.retryAt(clock.instant().plus(backoff(cancel.attempts())), error);
                log.warn("Refund {} attempt {} failed, will retry: {}", cancel.requestId(), cancel.attempts(), error);
            }
        });
    }

    /** Exponential back-off with full jitter on the upper half, capped. */
    private Duration backoff(int attempts) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
