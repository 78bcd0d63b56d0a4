package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.RefundAccount;
import com.acme.shop.platform.web.ApiException;
import com.acme.shop.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Refunds we owe. The compensating refund: when order-service cannot create the order, the whole remaining balance
 * is refunded at the PG. A manual refund: an operator asks for an amount with a reason. Either is a
 * {@link PaymentCancel} row with its own lifecycle, worked on by {@link RefundJob} until the PG confirms it or
 * automatic handling gives up (then parked for a person, who may send it back to work).
 *
 * <p>Every new refund is decided under the payment's row lock and measured against the balance less what open
 * refunds already reserve ({@link PaymentCancels#reservedFor}), so concurrent requests can never ask the PG for more
 * than the payment holds.
 */
@Service
class RefundService {

    static final String CONSUMER = "payment-service";
    /** Manual refunds' request ids: the console's form id behind this prefix, apart from comp- and ext- ones. */
    static final String MANUAL_PREFIX = "man-";
    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentCancels cancels;
    private final Payments payments;
    private final Inbox inbox;
    private final RefundJob job;
    private final Clock clock;

    RefundService(PaymentCancels cancels, Payments payments, Inbox inbox, RefundJob job, Clock clock) {
        this.cancels = cancels;
        this.payments = payments;
        this.inbox = inbox;
        this.job = job;
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
        submitAfterCommit(cancel.id());
    }

    /** What an operator asked for. {@code requestId} was fixed when the form was drawn: a resubmit sends it again. */
    record ManualRefund(String requestId, String orderId, long amount, String reason, RefundAccount refundAccount) {
    }

    /** The refund, and whether this call created it (false: the same request was made before). */
    record Requested(PaymentCancel refund, boolean created) {
    }

    /**
     * An operator's refund, full or partial. Idempotent per request id: the same request again answers the refund it
     * made; the id with another order or amount is refused. Refused with the amount left when it exceeds what the
     * payment can still give back.
     */
    @Transactional
    public Requested requestManual(ManualRefund request, String operator) {
        Payment payment = payments.lockByOrderId(request.orderId())
                .orElseThrow(() -> new PaymentNotFoundException(request.orderId()));
        String requestId = MANUAL_PREFIX + request.requestId();
        Optional<PaymentCancel> earlier = cancels.findByRequestId(requestId);
        if (earlier.isPresent()) {
            PaymentCancel same = earlier.get();
            if (!same.orderId().equals(request.orderId()) || !Long.valueOf(request.amount()).equals(same.cancelAmount())) {
                throw ApiException.conflict("REQUEST_ID_REUSED", "Refund request " + request.requestId()
                        + " was made before for another order or amount; draw the form again for a new refund");
            }
            return new Requested(same, false);
        }
        if (!payment.canBeCanceled()) {
            throw new ApiException(HttpStatus.CONFLICT, "PAYMENT_NOT_REFUNDABLE", "Payment " + payment.orderId()
                    + " is " + payment.status() + " with a balance of " + payment.balanceAmount() + " won: nothing to refund",
                    Map.of("paymentStatus", payment.status().name()));
        }
        long cancelable = payment.balanceAmount() - cancels.reservedFor(payment);
        if (request.amount() > cancelable) {
            throw new ApiException(HttpStatus.CONFLICT, "REFUND_EXCEEDS_CANCELABLE", "The refund of "
                    + request.amount() + " won exceeds what can still be refunded: " + cancelable + " won",
                    Map.of("cancelableAmount", cancelable));
        }
        if (needsRefundAccount(payment) && request.refundAccount() == null && payment.refundAccount() == null) {
            throw ApiException.badRequest("REFUND_ACCOUNT_REQUIRED", "A deposited virtual account is refunded to a "
                    + "bank account only: give the customer's refund account");
        }
        PaymentCancel cancel = cancels.save(PaymentCancel.manual(requestId, payment.orderId(), request.amount(),
                request.reason(), operator, request.refundAccount(), clock.instant()));
        log.info("Manual refund {} of {} won for {} requested by {}", requestId, request.amount(), payment.orderId(),
                operator);
        submitAfterCommit(cancel.id());
        return new Requested(cancel, true);
    }

    /**
     * An operator sends a parked refund back to work now. It must still fit what the payment can give back (another
     * refund may have taken the balance meanwhile).
     */
    @Transactional
    public PaymentCancel retryParked(String requestId, RefundAccount refundAccount, String operator) {
        PaymentCancel cancel = cancels.findByRequestId(requestId).orElseThrow(() -> ApiException.notFound(
                "REFUND_NOT_FOUND", "No refund " + requestId));
        // a change made meanwhile by another operator fails this one's version check: 409 CONCURRENT_UPDATE
        Payment payment = payments.lockByOrderId(cancel.orderId()).orElseThrow();
        if (cancel.status() != PaymentCancel.Status.PARKED) {
            throw new ApiException(HttpStatus.CONFLICT, "REFUND_NOT_PARKED", "Refund " + requestId + " is "
                    + cancel.status() + "; only a parked refund can be retried", Map.of("refundStatus",
                    cancel.status().name()));
        }
        long cancelable = payment.cancelableAmount() - cancels.reservedFor(payment);
        long wanted = cancel.cancelAmount() == null ? payment.balanceAmount() : cancel.cancelAmount();
        if (wanted == 0 || wanted > cancelable) {
            throw new ApiException(HttpStatus.CONFLICT, "REFUND_EXCEEDS_CANCELABLE", "Refund " + requestId + " of "
                    + wanted + " won no longer fits what can be refunded: " + cancelable + " won",
                    Map.of("cancelableAmount", cancelable));
        }
        if (needsRefundAccount(payment) && refundAccount == null && cancel.refundAccount() == null
                && payment.refundAccount() == null) {
            throw ApiException.badRequest("REFUND_ACCOUNT_REQUIRED", "A deposited virtual account is refunded to a "
                    + "bank account only: give the customer's refund account");
        }
        cancel.reopen(refundAccount, clock.instant());
        log.info("Parked refund {} of {} sent back to work by {}", requestId, cancel.orderId(), operator);
        submitAfterCommit(cancel.id());
        return cancel;
    }

    private static boolean needsRefundAccount(Payment payment) {
        return payment.method() == PgMethod.VIRTUAL_ACCOUNT;
    }

    private void submitAfterCommit(Long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                job.submit(id);
            }
        });
    }

    static String compensationReason(OrderCreationFailed failed) {
        String cause = switch (failed.reasonCode()) {
            case OUT_OF_STOCK -> "재고 부족";
            case PRODUCT_NOT_SELLABLE -> "판매 중지 상품";
            case TECHNICAL -> "주문 시스템 오류";
        };
        return "주문 생성 실패(" + cause + ")로 인한 자동 환불";
    }
}
