package com.acme.shop.payment;

import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.payment.gateway.RefundAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A cancel of a payment: a refund we owe and its lifecycle, REQUESTED -> (RETRYING)* -> SUCCEEDED, or PARKED for a
 * person when automatic handling gave up (an operator may send a parked one back to REQUESTED); or a cancel the PG
 * made without us (cause EXTERNAL, recorded SUCCEEDED). Open refunds reserve their amount: a new one is accepted only
 * within the payment's balance less what open refunds will take ({@link PaymentCancels#reservedFor}).
 * The request id is ours and stable, so each attempt's Idempotency-Key ({@code cancel-<requestId>-<n>}) is derived
 * from it. The rows are the refund queue of the job runner (RefundJob).
 */
@Entity
@Table(name = "payment_cancel")
public class PaymentCancel {

    public enum Status {
        REQUESTED, RETRYING, SUCCEEDED, PARKED;

        /** Still being worked on. */
        public static final Set<Status> OPEN = EnumSet.of(REQUESTED, RETRYING);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;
    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CancelCause cause;
    /** null: the whole remaining balance. */
    @Column(name = "cancel_amount", updatable = false)
    private Long cancelAmount;
    @Column(name = "cancel_reason", nullable = false, updatable = false)
    private String cancelReason;
    /** The operator who asked for it; null for refunds the system owes by itself. */
    @Column(name = "requested_by", updatable = false)
    private String requestedBy;
    @Column(name = "refund_bank_code")
    private String refundBankCode;
    @Column(name = "refund_account_no")
    private String refundAccountNumber;
    @Column(name = "refund_holder_name")
    private String refundHolderName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "transaction_key")
    private String transactionKey;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Version
    private long version;

    protected PaymentCancel() {
    }

    public static PaymentCancel request(String requestId, String orderId, CancelCause cause, Long cancelAmount,
                                 String reason, Instant now) {
        PaymentCancel c = new PaymentCancel();
        c.requestId = requestId;
        c.orderId = orderId;
        c.cause = cause;
        c.cancelAmount = cancelAmount;
        c.cancelReason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        c.status = Status.REQUESTED;
        c.nextAttemptAt = now;
        c.createdAt = now;
        return c;
    }

    /**
     * A refund an operator asked for: the amount is always given (the console offers the cancelable amount for a full
     * refund), and a deposited virtual account may name the account to refund to.
     */
    public static PaymentCancel manual(String requestId, String orderId, long amount, String reason, String operator,
                                       RefundAccount account, Instant now) {
        PaymentCancel c = request(requestId, orderId, CancelCause.MANUAL, amount, reason, now);
        c.requestedBy = operator;
        if (account != null) {
            c.refundBankCode = account.bankCode();
            c.refundAccountNumber = account.accountNumber();
            c.refundHolderName = account.holderName();
        }
        return c;
    }

    /**
     * An operator sends a parked refund back to work, with a fresh attempt budget (the job reads the PG before any
     * re-send, so a cancel the PG made meanwhile is recorded, not repeated).
     */
    public void reopen(RefundAccount account, Instant now) {
        if (status != Status.PARKED) {
            throw new IllegalStateException("refund " + requestId + " is " + status + ", not PARKED");
        }
        this.status = Status.REQUESTED;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.completedAt = null;
        if (account != null) {
            this.refundBankCode = account.bankCode();
            this.refundAccountNumber = account.accountNumber();
            this.refundHolderName = account.holderName();
        }
    }

    public void succeed(String transactionKey, Instant now) {
        requireOpen();
        this.status = Status.SUCCEEDED;
        this.transactionKey = transactionKey;
        this.completedAt = now;
        this.lastError = null;
    }

    public void retryAt(Instant next, String error) {
        requireOpen();
        this.status = Status.RETRYING;
        this.nextAttemptAt = next;
        this.lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
    }

    public void park(String error, Instant now) {
        requireOpen();
        this.status = Status.PARKED;
        this.completedAt = now;
        this.lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
    }

    /** A cancel the PG made without us (its dashboard, or one we learnt of from a webhook): recorded as done. */
    public static PaymentCancel madeElsewhere(String orderId, long amount, String transactionKey, String reason,
                                              Instant now) {
        PaymentCancel c = request("ext-" + transactionKey, orderId, CancelCause.EXTERNAL, amount, reason, now);
        c.succeed(transactionKey, now);
        return c;
    }

    public boolean isOpen() {
        return Status.OPEN.contains(status);
    }

    private void requireOpen() {
        if (status == Status.SUCCEEDED || status == Status.PARKED) {
            throw new IllegalStateException("refund " + requestId + " is already " + status);
        }
    }

    public Long id() {
        return id;
    }

    public String requestId() {
        return requestId;
    }

    public String orderId() {
        return orderId;
    }

    public CancelCause cause() {
        return cause;
    }

    public Long cancelAmount() {
        return cancelAmount;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** The account this refund pays into, when one was given for it (else the payment's own, if any). */
    public RefundAccount refundAccount() {
        return refundAccountNumber == null ? null
                : new RefundAccount(refundBankCode, refundAccountNumber, refundHolderName);
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String transactionKey() {
        return transactionKey;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
