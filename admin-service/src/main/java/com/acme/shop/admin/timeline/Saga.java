package com.acme.shop.admin.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order's saga as the console lists it: the status derived from all its steps so far. A projection of
 * {@code saga_step}, rewritten in the transaction that adds a step; concurrent writers for the same order
 * (several instances) collide on {@code @Version} or the primary key and the loser is redelivered.
 */
@Entity
@Table(name = "saga")
class Saga {

    @Id
    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false)
    private SagaStatus status;

    @Column(name = "amount")
    private Long amount;

    @Column(name = "step_count", nullable = false)
    private int stepCount;

    @Column(name = "first_step_at", nullable = false)
    private Instant firstStepAt;

    @Column(name = "last_step_at", nullable = false)
    private Instant lastStepAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Saga() {
    }

    private Saga(String orderId) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
    }

    static Saga start(String orderId) {
        return new Saga(orderId);
    }

    /**
     * Re-derives the saga from all of its steps (the new one included), whatever order they arrived in.
     *
     * @param steps every step of this order, at least one
     */
    void refresh(List<SagaStep> steps, Instant now) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saga " + orderId + " has no steps");
        }
        if (steps.stream().anyMatch(s -> !s.orderId().equals(orderId))) {
            throw new IllegalArgumentException("steps of another order given to saga " + orderId);
        }
        SagaProgress progress = SagaProgress.of(steps.stream().map(SagaStep::fact).toList());
        this.status = progress.status();
        this.amount = progress.amount();
        this.stepCount = steps.size();
        this.firstStepAt = steps.stream().map(SagaStep::occurredAt).min(Instant::compareTo).orElseThrow();
        this.lastStepAt = steps.stream().map(SagaStep::occurredAt).max(Instant::compareTo).orElseThrow();
        this.updatedAt = now;
    }

    String orderId() {
        return orderId;
    }

    SagaStatus status() {
        return status;
    }

    Long amount() {
        return amount;
    }

    int stepCount() {
        return stepCount;
    }

    Instant lastStepAt() {
        return lastStepAt;
    }
}
