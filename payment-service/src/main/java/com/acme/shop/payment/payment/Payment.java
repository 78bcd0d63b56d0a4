package com.acme.shop.payment.payment;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkout and its payment at Toss. Amounts are KRW won. All state changes go through the methods
 * below, which guard the current status ({@link PaymentStatus#canMoveTo}) and return the event to
 * publish where there is one.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    @Column(name = "order_name", nullable = false, updatable = false)
    private String orderName;
    @Column(name = "total_amount", nullable = false, updatable = false)
    private long totalAmount;
    @Column(name = "balance_amount", nullable = false)
    private long balanceAmount;
    @Column(nullable = false, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "payment_key")
    private String paymentKey;
    private String method;
    @Column(name = "easy_pay_provider")
    private String easyPayProvider;
    @Column(name = "approval_tx_key")
    private String approvalTransactionKey;
    @Column(name = "last_transaction_key")
    private String lastTransactionKey;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** When the first confirm was sent: Toss's 10-minute confirm window runs from about here. */
    @Column(name = "confirm_started_at")
    private Instant confirmStartedAt;
    @Column(name = "recovery_attempts", nullable = false)
    private int recoveryAttempts;
    /** When the recovery job should next look at this payment (IN_PROGRESS: if the confirm never finished). */
    @Column(name = "next_recovery_at")
    private Instant nextRecoveryAt;
    @Column(name = "review_reason")
    private String reviewReason;
    /** Toss's per-payment secret; a DEPOSIT_CALLBACK is genuine only if it carries the same value. */
    @Column(name = "pg_secret")
    private String pgSecret;
    @Column(name = "va_bank_code")
    private String virtualAccountBank;
    @Column(name = "va_account_number")
    private String virtualAccountNumber;
    @Column(name = "va_due_at")
    private Instant virtualAccountDueAt;
    @Column(name = "refund_bank_code")
    private String refundBankCode;
    @Column(name = "refund_account_no")
    private String refundAccountNumber;
    @Column(name = "refund_holder_name")
    private String refundHolderName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_item", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "line_no")
    private List<PaymentItem> items = new ArrayList<>();

    @Version
    private long version;

    protected Payment() {
    }

    /** A new checkout: READY until the customer authenticates and the storefront confirms. */
    public static Payment checkout(String orderId, String customerId, String orderName, List<LineItem> lines,
                                   Instant now, Duration validity) {
        Payment p = new Payment();
        p.orderId = orderId;
        p.customerId = customerId;
        p.orderName = orderName;
        p.totalAmount = lines.stream().mapToLong(LineItem::lineAmount).sum();
        p.balanceAmount = p.totalAmount;
        p.currency = "KRW";
        p.status = PaymentStatus.READY;
        p.createdAt = now;
        p.updatedAt = now;
        p.expiresAt = now.plus(validity);
        lines.forEach(l -> p.items.add(new PaymentItem(l)));
        return p;
    }

    /**
     * Claims the payment for a confirm with the key Toss gave the browser (READY -> IN_PROGRESS).
     *
     * @param staleAfter if the confirm has not finished by then (crash, lost DB write), recovery asks Toss
     */
    public void claimForConfirm(String paymentKey, Instant now, Duration staleAfter) {
        moveTo(PaymentStatus.IN_PROGRESS, now);
        this.paymentKey = paymentKey;
        if (confirmStartedAt == null) {
            this.confirmStartedAt = now;
        }
        this.nextRecoveryAt = now.plus(staleAfter);
    }

    /** The confirm never reached Toss (connection refused, breaker open): the payment is confirmable again. */
    public void releaseClaim(Instant now) {
        moveTo(PaymentStatus.READY, now);
        this.nextRecoveryAt = null;
    }

    /** The customer's account for refunds of a deposited virtual account (Toss requires one). */
    public void useRefundAccount(RefundAccount account) {
        this.refundBankCode = account.bankCode();
        this.refundAccountNumber = account.accountNumber();
        this.refundHolderName = account.holderName();
    }

    public RefundAccount refundAccount() {
        return refundAccountNumber == null ? null
                : new RefundAccount(refundBankCode, refundAccountNumber, refundHolderName);
    }

    /** Toss issued a virtual account: no money yet; the saga starts when the deposit arrives. */
    public void awaitDeposit(PgPayment pg, Instant now) {
        moveTo(PaymentStatus.WAITING_FOR_DEPOSIT, now);
        this.method = pg.method();
        this.pgSecret = pg.secret();
        this.lastTransactionKey = pg.lastTransactionKey();
        this.nextRecoveryAt = null;
        if (pg.virtualAccount() != null) {
            this.virtualAccountBank = pg.virtualAccount().bankCode();
            this.virtualAccountNumber = pg.virtualAccount().accountNumber();
            this.virtualAccountDueAt = pg.virtualAccount().dueAt();
        }
    }

    /** The virtual account's due date passed without a deposit: the payment ends, no money was taken. */
    public boolean depositOverdue(Instant now) {
        return status == PaymentStatus.WAITING_FOR_DEPOSIT && virtualAccountDueAt != null
                && !now.isBefore(virtualAccountDueAt);
    }

    /** A virtual account canceled before any deposit: ends without money ever moving. */
    public void cancelBeforeDeposit(String transactionKey, Instant now) {
        moveTo(PaymentStatus.CANCELED, now);
        this.balanceAmount = 0;
        this.lastTransactionKey = transactionKey;
    }

    public boolean hasSecret() {
        return pgSecret != null;
    }

    public boolean secretMatches(String presented) {
        return pgSecret != null && presented != null && java.security.MessageDigest.isEqual(
                pgSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String virtualAccountBank() {
        return virtualAccountBank;
    }

    public String virtualAccountNumber() {
        return virtualAccountNumber;
    }

    public Instant virtualAccountDueAt() {
        return virtualAccountDueAt;
    }

    /** Toss approved. Returns the event that starts the saga. */
    public PaymentApproved approve(PgPayment pg, Instant now) {
        moveTo(PaymentStatus.DONE, now);
        this.nextRecoveryAt = null;
        if (pg.secret() != null) {
            this.pgSecret = pg.secret();
        }
        this.method = pg.method();
        this.easyPayProvider = pg.easyPayProvider();
        this.approvalTransactionKey = pg.lastTransactionKey();
        this.lastTransactionKey = pg.lastTransactionKey();
        this.approvedAt = pg.approvedAt() == null ? now : pg.approvedAt();
        this.balanceAmount = pg.balanceAmount();
        this.failureCode = null;
        this.failureMessage = null;
        return new PaymentApproved(orderId, paymentKey, customerId, orderName, method, easyPayProvider,
                totalAmount, currency, approvalTransactionKey, approvedAt,
                items.stream().map(PaymentItem::toLineItem).toList());
    }

    /** Toss declined (card refused, limits...), or the customer closed the window. No money was taken. */
    public void abort(String code, String message, Instant now) {
        moveTo(PaymentStatus.ABORTED, now);
        this.nextRecoveryAt = null;
        this.failureCode = code;
        this.failureMessage = message == null ? null : truncate(message, 510);
    }

    /**
     * We cannot tell whether Toss approved: keep the money question open until Toss tells us.
     *
     * @param firstCheck when the recovery job should first ask Toss
     */
    public void markOutcomeUnknown(String reason, Instant now, Instant firstCheck) {
        moveTo(PaymentStatus.OUTCOME_UNKNOWN, now);
        this.failureCode = "OUTCOME_UNKNOWN";
        this.failureMessage = truncate(reason, 510);
        this.nextRecoveryAt = firstCheck;
    }

    /** Recovery looked and could not decide yet: look again later. */
    public void recheckAt(Instant next, String reason, Instant now) {
        if (status != PaymentStatus.OUTCOME_UNKNOWN && status != PaymentStatus.IN_PROGRESS) {
            throw new IllegalPaymentTransitionException(orderId, status, status);
        }
        this.nextRecoveryAt = next;
        this.failureMessage = truncate(reason, 510);
        this.updatedAt = now;
    }

    /** Automatic resolution gave up: an operator decides, with the reason in front of them. */
    public void parkForReview(String reason, Instant now) {
        if (status == PaymentStatus.IN_PROGRESS) {
            moveTo(PaymentStatus.OUTCOME_UNKNOWN, now);
        }
        moveTo(PaymentStatus.MANUAL_REVIEW, now);
        this.reviewReason = truncate(reason, 500);
        this.nextRecoveryAt = null;
    }

    /** Toss's confirm window (10 minutes from authentication) is still open, with a safety margin. */
    public boolean insideConfirmWindow(Instant now, Duration window) {
        return confirmStartedAt != null && now.isBefore(confirmStartedAt.plus(window));
    }

    /** The checkout window lapsed before a confirm. */
    public void expire(Instant now) {
        moveTo(PaymentStatus.EXPIRED, now);
        this.nextRecoveryAt = null;
        this.failureCode = "EXPIRED";
        this.failureMessage = "결제 유효 시간이 지났습니다";
    }

    public boolean isExpired(Instant now) {
        return status == PaymentStatus.READY && !now.isBefore(expiresAt);
    }

    /**
     * Records a cancel Toss confirmed. Returns the event every consumer needs (order and settlement).
     *
     * @param balanceAfter Toss's balance after this cancel, which is the truth for what is still held
     */
    public PaymentCanceled recordCancel(long cancelAmount, long balanceAfter, String transactionKey, String reason,
                                        CancelCause cause, Instant canceledAt, Instant now) {
        if (cancelAmount <= 0 || cancelAmount > cancelableAmount()) {
            throw new IllegalArgumentException("cancel of " + cancelAmount + " exceeds cancelable "
                    + cancelableAmount() + " of payment " + orderId);
        }
        moveTo(balanceAfter == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED, now);
        this.balanceAmount = balanceAfter;
        this.lastTransactionKey = transactionKey;
        return new PaymentCanceled(orderId, paymentKey, method, totalAmount, cancelAmount, balanceAfter,
                transactionKey, reason, cause, canceledAt);
    }

    /** Toss holds money for this payment (in the spirit of the Toss SDKs' {@code isPaid()}). */
    public boolean isPaid() {
        return status.isPaid();
    }

    public boolean canBeCanceled() {
        return status.isPaid() && balanceAmount > 0;
    }

    public long cancelableAmount() {
        return status.isPaid() ? balanceAmount : 0;
    }

    public long canceledAmount() {
        return status.isPaid() || status == PaymentStatus.CANCELED ? totalAmount - balanceAmount : 0;
    }

    private void moveTo(PaymentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalPaymentTransitionException(orderId, status, target);
        }
        this.status = target;
        this.updatedAt = now;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String orderName() {
        return orderName;
    }

    public long totalAmount() {
        return totalAmount;
    }

    public long balanceAmount() {
        return balanceAmount;
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return status;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public String method() {
        return method;
    }

    public String easyPayProvider() {
        return easyPayProvider;
    }

    public String lastTransactionKey() {
        return lastTransactionKey;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int recoveryAttempts() {
        return recoveryAttempts;
    }

    public Instant nextRecoveryAt() {
        return nextRecoveryAt;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public List<LineItem> items() {
        return items.stream().map(PaymentItem::toLineItem).toList();
    }
}
