package com.acme.shop.settlement.reconciliation;

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
import java.time.LocalDate;
import java.util.Objects;

/** A difference between the ledger and Toss for one transaction and {@link MismatchKind}, on one sales date. */
@Entity
@Table(name = "reconciliation_mismatch")
class ReconciliationMismatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sales_date", nullable = false)
    private LocalDate salesDate;

    @Column(name = "payment_key", nullable = false, length = 200)
    private String paymentKey;

    @Column(name = "transaction_key", nullable = false, length = 64)
    private String transactionKey;

    @Column(name = "order_id", length = 64)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private MismatchKind kind;

    @Column(name = "ledger_value", length = 64)
    private String ledgerValue;

    @Column(name = "toss_value", length = 64)
    private String tossValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private MismatchStatus status;

    @Column(name = "first_detected_at", nullable = false)
    private Instant firstDetectedAt;

    @Column(name = "last_detected_at", nullable = false)
    private Instant lastDetectedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReconciliationMismatch() {
    }

    static ReconciliationMismatch detected(LocalDate salesDate, Finding finding, Instant now) {
        ReconciliationMismatch mismatch = new ReconciliationMismatch();
        mismatch.salesDate = Objects.requireNonNull(salesDate, "salesDate");
        mismatch.paymentKey = finding.paymentKey();
        mismatch.transactionKey = finding.transactionKey();
        mismatch.kind = finding.kind();
        mismatch.status = MismatchStatus.OPEN;
        mismatch.firstDetectedAt = now;
        mismatch.seenAgain(finding, now);
        return mismatch;
    }

    /** A later run found it again: its current values, OPEN again if it had been resolved. */
    void seenAgain(Finding finding, Instant now) {
        if (!finding.key().equals(key())) {
            throw new IllegalArgumentException("finding " + finding.key() + " is not mismatch " + key());
        }
        this.orderId = finding.orderId() != null ? finding.orderId() : orderId;
        this.ledgerValue = finding.ledgerValue();
        this.tossValue = finding.tossValue();
        this.lastDetectedAt = now;
        this.status = MismatchStatus.OPEN;
        this.resolvedAt = null;
    }

    /** A later run no longer finds it. Only an OPEN mismatch can be resolved; resolving twice changes nothing. */
    void resolve(Instant now) {
        if (status == MismatchStatus.RESOLVED) {
            return;
        }
        this.status = MismatchStatus.RESOLVED;
        this.resolvedAt = now;
    }

    String key() {
        return paymentKey + "|" + transactionKey + "|" + kind;
    }

    Long id() {
        return id;
    }

    LocalDate salesDate() {
        return salesDate;
    }

    String paymentKey() {
        return paymentKey;
    }

    String transactionKey() {
        return transactionKey;
    }

    String orderId() {
        return orderId;
    }

    MismatchKind kind() {
        return kind;
    }

    String ledgerValue() {
        return ledgerValue;
    }

    String tossValue() {
        return tossValue;
    }

    MismatchStatus status() {
        return status;
    }

    Instant firstDetectedAt() {
        return firstDetectedAt;
    }

    Instant lastDetectedAt() {
        return lastDetectedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }
}
