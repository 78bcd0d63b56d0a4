package com.acme.shop.payment.compensation;

import com.acme.shop.contracts.payment.CancelCause;
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

/**
 * A refund we owe and its lifecycle: REQUESTED -> (RETRYING)* -> SUCCEEDED, or PARKED for a person
 * when the retry budget is spent. The request id is ours and stable, so each attempt's
 * Idempotency-Key ({@code cancel-<requestId>-<n>}) is derived from it.
 */
@Entity
@Table(name = "payment_cancel")
class PaymentCancel {

    enum Status { REQUESTED, RETRYING, SUCCEEDED, PARKED }

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

    static PaymentCancel request(String requestId, String orderId, CancelCause cause, Long cancelAmount,
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

    void succeed(String transactionKey, Instant now) {
        requireOpen();
        this.status = Status.SUCCEEDED;
        this.transactionKey = transactionKey;
        this.completedAt = now;
        this.lastError = null;
    }

    void retryAt(Instant next, String error) {
        requireOpen();
        this.status = Status.RETRYING;
        this.nextAttemptAt = next;
        this.lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
    }

    void park(String error, Instant now) {
        requireOpen();
        this.status = Status.PARKED;
        this.completedAt = now;
        this.lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
    }

    private void requireOpen() {
        if (status == Status.SUCCEEDED || status == Status.PARKED) {
            throw new IllegalStateException("refund " + requestId + " is already " + status);
        }
    }

    Long id() {
        return id;
    }

    String requestId() {
        return requestId;
    }

    String orderId() {
        return orderId;
    }

    CancelCause cause() {
        return cause;
    }

    Long cancelAmount() {
        return cancelAmount;
    }

    String cancelReason() {
        return cancelReason;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String transactionKey() {
        return transactionKey;
    }

    String lastError() {
        return lastError;
    }
}
