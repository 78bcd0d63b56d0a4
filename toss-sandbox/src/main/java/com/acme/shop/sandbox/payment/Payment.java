package com.acme.shop.sandbox.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

/**
 * One payment and its Toss state machine:
 *
 * <pre>
 * IN_PROGRESS --confirm--> DONE --cancel--> PARTIAL_CANCELED --cancel--> CANCELED
 *      |                     \----------------cancel (whole balance)----^
 *      +--declined--> ABORTED
 *      +--10 minutes without confirm--> EXPIRED
 * </pre>
 *
 * Every state-changing method is {@code synchronized}: concurrent confirms and cancels of the same payment are
 * serialised here, exactly once each, while different payments proceed in parallel. Refusals are thrown as the
 * Toss error the real API answers with.
 */
final class Payment {

    private final String merchantId;

    private final String paymentKey;

    private final String orderId;

    private final String orderName;

    private final String customerName;

    private final PaymentMethod method;

    private final long totalAmount;

    private final Instant requestedAt;

    private final List<Cancel> cancels = new ArrayList<>();

    private PaymentStatus status = PaymentStatus.IN_PROGRESS;

    private long balanceAmount;

    private Instant approvedAt;

    private String approvalTransactionKey;

    private String lastTransactionKey;

    private String secret;

    private Failure failure;

    private Payment(String merchantId, String paymentKey, NewPayment order, Instant requestedAt) {
        this.merchantId = merchantId;
        this.paymentKey = paymentKey;
        this.orderId = order.orderId();
        this.orderName = order.orderName();
        this.customerName = order.customerName();
        this.method = order.method();
        this.totalAmount = order.amount();
        this.balanceAmount = order.amount();
        this.requestedAt = requestedAt;
    }

    /** The state right after the customer authenticated in the payment window: waiting for the merchant's confirm. */
    static Payment authenticated(String merchantId, String paymentKey, NewPayment order, Instant now) {
        return new Payment(merchantId, paymentKey, order, now);
    }

    String paymentKey() {
        return paymentKey;
    }

    String orderId() {
        return orderId;
    }

    /**
     * Lazily applies Toss's 10-minute confirm deadline. Toss expires sessions in the background; doing it on access
     * is indistinguishable from the outside.
     */
    synchronized void expireIfSessionLapsed(Instant now, Duration sessionTimeout) {
        if (status == PaymentStatus.IN_PROGRESS && now.isAfter(requestedAt.plus(sessionTimeout))) {
            status = PaymentStatus.EXPIRED;
            failure = Failure.of(TossErrorCode.EXPIRED_PAYMENT);
        }
    }

    /**
     * Approves the payment. The orderId and amount must be the ones the customer authenticated, which is what stops a
     * tampered browser amount from being charged.
     */
    synchronized void confirm(String orderId, long amount, Approval approval) {
        expireIfSessionLapsed(approval.at(), approval.sessionTimeout());
        switch (status) {
            case IN_PROGRESS -> {
                // the only state that can be confirmed
            }
            case EXPIRED, READY -> throw new TossException(TossErrorCode.NOT_FOUND_PAYMENT_SESSION);
            case DONE, CANCELED, PARTIAL_CANCELED, ABORTED, WAITING_FOR_DEPOSIT ->
                throw new TossException(TossErrorCode.ALREADY_PROCESSED_PAYMENT);
        }
        if (!this.orderId.equals(orderId) || this.totalAmount != amount) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "결제 정보(orderId, amount)가 일치하지 않습니다.");
        }
        status = PaymentStatus.DONE;
        approvedAt = approval.at();
        approvalTransactionKey = approval.transactionKey();
        lastTransactionKey = approval.transactionKey();
        secret = approval.secret();
    }

    /** The card company or bank refused the approval: final, the payment can no longer be confirmed. */
    synchronized void decline(TossErrorCode reason) {
        if (status == PaymentStatus.IN_PROGRESS) {
            status = PaymentStatus.ABORTED;
            failure = Failure.of(reason);
        }
    }

    /**
     * Cancels {@code amount} of the remaining balance, or all of it when {@code amount} is null.
     * {@code expectedBalance} is Toss's legacy optimistic-lock guard ({@code refundableAmount}).
     */
    synchronized void cancel(Long amount, String reason, Long expectedBalance, CancelTransaction transaction) {
        if (status == PaymentStatus.CANCELED) {
            throw new TossException(TossErrorCode.ALREADY_CANCELED_PAYMENT);
        }
        if (!status.isCancelable()) {
            throw new TossException(TossErrorCode.NOT_CANCELABLE_PAYMENT,
                    TossErrorCode.NOT_CANCELABLE_PAYMENT.message() + " (status: " + status + ")");
        }
        if (expectedBalance != null && expectedBalance != balanceAmount) {
            throw new TossException(TossErrorCode.NOT_MATCHES_REFUNDABLE_AMOUNT);
        }
        long cancelAmount = amount == null ? balanceAmount : amount;
        if (cancelAmount <= 0 || cancelAmount > balanceAmount) {
            throw new TossException(TossErrorCode.NOT_CANCELABLE_AMOUNT,
                    TossErrorCode.NOT_CANCELABLE_AMOUNT.message() + " (취소 가능 금액: " + balanceAmount + ")");
        }
        balanceAmount -= cancelAmount;
        cancels.add(new Cancel(cancelAmount, reason, balanceAmount, transaction.at(), transaction.transactionKey()));
        lastTransactionKey = transaction.transactionKey();
        status = balanceAmount == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
    }

    synchronized PaymentSnapshot snapshot() {
        return new PaymentSnapshot(merchantId, paymentKey, orderId, orderName, customerName, method, totalAmount,
                balanceAmount, status, requestedAt, approvedAt, lastTransactionKey, approvalTransactionKey, secret,
                failure, List.copyOf(cancels));
    }

    /** What Toss generates when it approves: the time, the approval's transaction key and the webhook secret. */
    record Approval(Instant at, String transactionKey, String secret, Duration sessionTimeout) {
    }

    record CancelTransaction(Instant at, String transactionKey) {
    }

}
