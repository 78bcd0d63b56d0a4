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
 *      +--confirm (가상계좌)--> WAITING_FOR_DEPOSIT --deposit--> DONE (then cancels as above, with a refund account)
 *                                     \--cancel (whole amount only)--> CANCELED
 * </pre>
 *
 * A virtual account past its due date stays WAITING_FOR_DEPOSIT with {@code expired = true} and refuses deposits.
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

    private VirtualAccount virtualAccount;

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

    PaymentMethod method() {
        return method;
    }

    /**
     * Lazily applies Toss's 10-minute confirm deadline. Toss expires sessions in the background; doing it on access
     * is indistinguishable from the outside.
     */
    synchronized boolean expireIfSessionLapsed(Instant now, Duration sessionTimeout) {
        if (status == PaymentStatus.WAITING_FOR_DEPOSIT && !virtualAccount.expired() && virtualAccount.isDue(now)) {
            virtualAccount = virtualAccount.expire(); // status unchanged and no webhook, as at Toss
        }
        if (status == PaymentStatus.IN_PROGRESS && now.isAfter(requestedAt.plus(sessionTimeout))) {
            status = PaymentStatus.EXPIRED;
            failure = Failure.of(TossErrorCode.EXPIRED_PAYMENT);
            return true;
        }
        return false;
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
        if (method == PaymentMethod.VIRTUAL_ACCOUNT) {
            if (approval.virtualAccount() == null) {
                throw new IllegalArgumentException("a virtual-account payment needs an issued account");
            }
            status = PaymentStatus.WAITING_FOR_DEPOSIT;
            virtualAccount = approval.virtualAccount();
            lastTransactionKey = approval.transactionKey();
            secret = approval.secret();
            return;
        }
        status = PaymentStatus.DONE;
        approvedAt = approval.at();
        approvalTransactionKey = approval.transactionKey();
        lastTransactionKey = approval.transactionKey();
        secret = approval.secret();
    }

    /** The card company or bank refused the approval: final, the payment can no longer be confirmed. */
    synchronized boolean decline(TossErrorCode reason) {
        if (status == PaymentStatus.IN_PROGRESS) {
            status = PaymentStatus.ABORTED;
            failure = Failure.of(reason);
            return true;
        }
        return false;
    }

    /**
     * The customer paid into the virtual account (sandbox-only action): the payment is approved. Refused unless it is
     * waiting for a deposit and the account is not past its due date.
     */
    synchronized void deposit(Instant at, String transactionKey, String depositorName) {
        if (status != PaymentStatus.WAITING_FOR_DEPOSIT) {
            throw new TossException(TossErrorCode.NOT_WAITING_FOR_DEPOSIT,
                    TossErrorCode.NOT_WAITING_FOR_DEPOSIT.message() + " (status: " + status + ")");
        }
        if (virtualAccount.isDue(at)) {
            virtualAccount = virtualAccount.expired() ? virtualAccount : virtualAccount.expire();
            throw new TossException(TossErrorCode.EXPIRED_VIRTUAL_ACCOUNT);
        }
        status = PaymentStatus.DONE;
        approvedAt = at;
        approvalTransactionKey = transactionKey;
        lastTransactionKey = transactionKey;
        virtualAccount = virtualAccount.deposit(depositorName);
    }

    /**
     * Cancels {@code amount} of the remaining balance, or all of it when {@code amount} is null.
     * {@code expectedBalance} is Toss's legacy optimistic-lock guard ({@code refundableAmount}).
     */
    synchronized void cancel(Long amount, String reason, Long expectedBalance, CancelTransaction transaction) {
        cancel(amount, reason, expectedBalance, null, transaction);
    }

    /**
     * As above; {@code refundAccount} is required (and validated) only for a deposited virtual account, whose money
     * goes back to that account. A virtual account still waiting for its deposit can only be cancelled in full.
     */
    synchronized void cancel(Long amount, String reason, Long expectedBalance, RefundAccount refundAccount,
            CancelTransaction transaction) {
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
        if (status == PaymentStatus.WAITING_FOR_DEPOSIT && cancelAmount != balanceAmount) {
            throw new TossException(TossErrorCode.NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT);
        }
        boolean refundsDeposit = virtualAccount != null && status != PaymentStatus.WAITING_FOR_DEPOSIT;
        if (refundsDeposit) {
            if (refundAccount == null) {
                throw new TossException(TossErrorCode.INVALID_REFUND_ACCOUNT_INFO,
                        "입금 완료된 가상계좌 결제를 취소하려면 refundReceiveAccount가 필요합니다.");
            }
            virtualAccount = virtualAccount.refundedTo(refundAccount.validated());
        }
        balanceAmount -= cancelAmount;
        cancels.add(new Cancel(cancelAmount, reason, balanceAmount, transaction.at(), transaction.transactionKey()));
        lastTransactionKey = transaction.transactionKey();
        status = balanceAmount == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
    }

    synchronized PaymentSnapshot snapshot() {
        return new PaymentSnapshot(merchantId, paymentKey, orderId, orderName, customerName, method, totalAmount,
                balanceAmount, status, requestedAt, approvedAt, lastTransactionKey, approvalTransactionKey, secret,
                failure, List.copyOf(cancels), virtualAccount);
    }

    /** What Toss generates when it approves: the time, the approval's transaction key and the webhook secret. */
    record Approval(Instant at, String transactionKey, String secret, Duration sessionTimeout,
            VirtualAccount virtualAccount) {

        Approval(Instant at, String transactionKey, String secret, Duration sessionTimeout) {
            this(at, transactionKey, secret, sessionTimeout, null);
        }

    }

    record CancelTransaction(Instant at, String transactionKey) {
    }

}
