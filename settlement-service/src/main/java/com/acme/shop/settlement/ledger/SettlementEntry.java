package com.acme.shop.settlement.ledger;

import com.acme.shop.settlement.policy.Charge;
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
import java.util.UUID;

/**
 * One Toss transaction in the settlement ledger, with signed won amounts: a SALE is positive, a CANCEL negative
 * (and its fee and VAT are negative when fee is given back). {@code net = amount - fee - vat} always, so the sum
 * of any set of entries is what the PG pays out for them. Entries are immutable once booked.
 */
@Entity
@Table(name = "settlement_entry")
class SettlementEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, length = 64)
    private String orderId;

    @Column(name = "payment_key", nullable = false, length = 200)
    private String paymentKey;

    @Column(name = "transaction_key", nullable = false, length = 64)
    private String transactionKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 16)
    private EntryType type;

    @Column(name = "method", nullable = false, length = 32)
    private String method;

    @Column(name = "easy_pay_provider", length = 100)
    private String easyPayProvider;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "fee", nullable = false)
    private long fee;

    @Column(name = "vat", nullable = false)
    private long vat;

    @Column(name = "net", nullable = false)
    private long net;

    @Column(name = "sales_date", nullable = false)
    private LocalDate salesDate;

    @Column(name = "payout_date", nullable = false)
    private LocalDate payoutDate;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "event_id", nullable = false, length = 36, columnDefinition = "char(36)")
    private String eventId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SettlementEntry() {
    }

    private SettlementEntry(Transaction tx, EntryType type, long amount, Charge charge, LocalDate salesDate,
                            LocalDate payoutDate, Instant createdAt) {
        this.orderId = requireText(tx.orderId(), "orderId");
        this.paymentKey = requireText(tx.paymentKey(), "paymentKey");
        this.transactionKey = requireText(tx.transactionKey(), "transactionKey");
        this.method = requireText(tx.method(), "method");
        this.easyPayProvider = tx.easyPayProvider() == null || tx.easyPayProvider().isBlank() ? null
                : tx.easyPayProvider();
        this.eventId = Objects.requireNonNull(tx.eventId(), "eventId").toString();
        this.occurredAt = Objects.requireNonNull(tx.occurredAt(), "occurredAt");
        this.type = type;
        this.amount = amount;
        this.fee = charge.fee();
        this.vat = charge.vat();
        this.net = amount - charge.fee() - charge.vat();
        this.salesDate = Objects.requireNonNull(salesDate, "salesDate");
        this.payoutDate = Objects.requireNonNull(payoutDate, "payoutDate");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Identity of a Toss transaction and the event that reported it ({@code easyPayProvider} nullable). */
    record Transaction(String orderId, String paymentKey, String transactionKey, String method,
                       String easyPayProvider, UUID eventId, Instant occurredAt) {
    }

    /** Books an approval of {@code amount} won, charged {@code charge}. */
    static SettlementEntry sale(Transaction tx, long amount, Charge charge, LocalDate salesDate, LocalDate payoutDate,
                                Instant now) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a sale books a positive amount, got " + amount);
        }
        if (charge.fee() < 0 || charge.vat() < 0) {
            throw new IllegalArgumentException("a sale cannot give fee back: " + charge);
        }
        return new SettlementEntry(tx, EntryType.SALE, amount, charge, salesDate, payoutDate, now);
    }

    /** Books a cancel of {@code canceledAmount} won (positive, as Toss reports it); stored negative. */
    static SettlementEntry cancel(Transaction tx, long canceledAmount, Charge charge, LocalDate salesDate,
                                  LocalDate payoutDate, Instant now) {
        if (canceledAmount <= 0) {
            throw new IllegalArgumentException("a cancel returns a positive amount, got " + canceledAmount);
        }
        if (charge.fee() > 0 || charge.vat() > 0) {
            throw new IllegalArgumentException("a cancel cannot charge more fee: " + charge);
        }
        return new SettlementEntry(tx, EntryType.CANCEL, -canceledAmount, charge, salesDate, payoutDate, now);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    Long id() {
        return id;
    }

    String orderId() {
        return orderId;
    }

    String paymentKey() {
        return paymentKey;
    }

    String transactionKey() {
        return transactionKey;
    }

    EntryType type() {
        return type;
    }

    String method() {
        return method;
    }

    String easyPayProvider() {
        return easyPayProvider;
    }

    long amount() {
        return amount;
    }

    long fee() {
        return fee;
    }

    long vat() {
        return vat;
    }

    long net() {
        return net;
    }

    Charge charge() {
        return new Charge(fee, vat);
    }

    LocalDate salesDate() {
        return salesDate;
    }

    LocalDate payoutDate() {
        return payoutDate;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String eventId() {
        return eventId;
    }
}
