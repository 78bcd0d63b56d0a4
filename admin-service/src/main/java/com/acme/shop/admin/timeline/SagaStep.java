package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One consumed event of a saga, as operators see it on the timeline: which service ({@code service}), what
 * ({@code eventType}, {@code summary}), when ({@code occurredAt} at the producer, {@code recordedAt} here), the
 * outcome and the reason. Written once, never changed.
 */
@Entity
@Table(name = "saga_step")
class SagaStep {

    /** The width of {@code saga_step.reason}. */
    static final int REASON_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "event_type", nullable = false, updatable = false)
    private EventType eventType;

    @Column(name = "service", nullable = false, updatable = false)
    private String service;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "summary", nullable = false, updatable = false, length = StepSummary.MAX_LENGTH)
    private String summary;

    @Column(name = "amount", updatable = false)
    private Long amount;

    @Column(name = "balance_amount", updatable = false)
    private Long balanceAmount;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "cancel_cause", updatable = false)
    private CancelCause cancelCause;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "outcome", nullable = false, updatable = false)
    private StepOutcome outcome;

    /** FailureReason of a failed order, CancelCause of a cancel; null otherwise. */
    @Column(name = "reason_code", updatable = false)
    private String reasonCode;

    /** The producer's reason text (failure or cancel reason); null otherwise. */
    @Column(name = "reason", updatable = false, length = REASON_LENGTH)
    private String reason;

    @Column(name = "payload", nullable = false, updatable = false, columnDefinition = "LONGTEXT")
    private String payload;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SagaStep() {
    }

    private SagaStep(EventEnvelope<?> event, String rawJson, Instant recordedAt) {
        this.orderId = event.orderId();
        this.eventId = event.eventId().toString();
        this.eventType = event.eventType();
        this.service = serviceOf(event.eventType());
        this.occurredAt = event.occurredAt();
        this.summary = StepSummary.of(event.payload());
        switch (event.payload()) {
            case PaymentApproved p -> {
                this.amount = p.totalAmount();
                this.outcome = StepOutcome.APPROVED;
            }
            case OrderCreated o -> {
                this.amount = o.totalAmount();
                this.outcome = StepOutcome.CREATED;
            }
            case OrderCreationFailed f -> {
                this.amount = f.amount();
                this.outcome = StepOutcome.FAILED;
                this.reasonCode = f.reasonCode().name();
                this.reason = truncate(f.reason());
            }
            case PaymentCanceled c -> {
                this.amount = c.totalAmount();
                this.balanceAmount = c.balanceAmount();
                this.cancelCause = c.cause();
                this.outcome = c.balanceAmount() == 0 ? StepOutcome.REFUNDED : StepOutcome.PARTIALLY_REFUNDED;
                this.reasonCode = c.cause().name();
                this.reason = truncate(c.cancelReason());
            }
            default -> throw new IllegalArgumentException("no timeline step for " + event.eventType());
        }
        this.payload = rawJson;
        this.recordedAt = recordedAt;
    }

    /** @param rawJson the event exactly as it came off the topic, kept for operators */
    static SagaStep record(EventEnvelope<?> event, String rawJson, Instant recordedAt) {
        return new SagaStep(event, rawJson, recordedAt);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH - 1) + "…";
    }

    /** The producing service, told by the topic the event type belongs to. */
    static String serviceOf(EventType type) {
        return switch (type.topic()) {
            case Topics.PAYMENT_EVENTS -> "payment-service";
            case Topics.ORDER_EVENTS -> "order-service";
            default -> throw new IllegalArgumentException("no service owns topic " + type.topic());
        };
    }

    StepFact fact() {
        return new StepFact(eventType, amount, balanceAmount, cancelCause);
    }

    String orderId() {
        return orderId;
    }

    EventType eventType() {
        return eventType;
    }

    String service() {
        return service;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String summary() {
        return summary;
    }

    String eventId() {
        return eventId;
    }

    StepOutcome outcome() {
        return outcome;
    }

    String reasonCode() {
        return reasonCode;
    }

    String reason() {
        return reason;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String payload() {
        return payload;
    }
}
