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

/**
 * A difference between the ledger and Toss for one transaction and {@link MismatchKind}, on one sales date.
 *
 * <p>Runs keep it current: found again, its values are updated; no longer found, it is RESOLVED by the run. A person
 * may close an OPEN one: resolve it with a note, or ignore it with a reason. Such a decision is about the values the
 * person saw, so it stands while later runs find the same values, and the mismatch opens again (the decision
 * cleared) when they change: the daily runs re-check the last days and would otherwise re-open every morning what
 * finance closed the day before.
 */
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

    /** The operator who resolved or ignored it; null while OPEN and when a run resolved it. */
    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    /** Why: the resolution's note or the reason for ignoring it. */
    @Column(name = "note", length = 500)
    private String note;

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

    /**
     * A later run found it again: its current values. OPEN again if the run had resolved it, or if a person had
     * decided about other values than these; a person's decision about these same values stands.
     */
    void seenAgain(Finding finding, Instant now) {
        if (!finding.key().equals(key())) {
            throw new IllegalArgumentException("finding " + finding.key() + " is not mismatch " + key());
        }
        boolean sameValues = Objects.equals(ledgerValue, finding.ledgerValue())
                && Objects.equals(tossValue, finding.tossValue());
        this.orderId = finding.orderId() != null ? finding.orderId() : orderId;
        this.ledgerValue = finding.ledgerValue();
        this.tossValue = finding.tossValue();
        this.lastDetectedAt = now;
        if (decidedByAPerson() && sameValues) {
            return;
        }
        this.status = MismatchStatus.OPEN;
        this.resolvedAt = null;
        this.resolvedBy = null;
        this.note = null;
    }

    /** A later run no longer finds it: an OPEN mismatch is RESOLVED; a closed one stays as it was. */
    void noLongerFound(Instant now) {
        if (status != MismatchStatus.OPEN) {
            return;
        }
        this.status = MismatchStatus.RESOLVED;
        this.resolvedAt = now;
    }

    /**
     * A person explains or corrected the difference.
     *
     * @throws MismatchNotOpenException unless it is OPEN
     */
    void resolve(String operator, String note, Instant now) {
        decide(MismatchStatus.RESOLVED, operator, note, now);
    }

    /**
     * A person accepts the difference as it is.
     *
     * @throws MismatchNotOpenException unless it is OPEN
     */
    void ignore(String operator, String reason, Instant now) {
        decide(MismatchStatus.IGNORED, operator, reason, now);
    }

    private void decide(MismatchStatus decision, String operator, String why, Instant now) {
        Objects.requireNonNull(operator, "operator");
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a decision about mismatch " + id + " needs a reason");
        }
        if (status != MismatchStatus.OPEN) {
            throw new MismatchNotOpenException(id, status);
        }
        this.status = decision;
        this.resolvedBy = operator;
        this.note = why;
        this.resolvedAt = now;
    }

    private boolean decidedByAPerson() {
        return status != MismatchStatus.OPEN && resolvedBy != null;
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

    String resolvedBy() {
        return resolvedBy;
    }

    String note() {
        return note;
    }
}
