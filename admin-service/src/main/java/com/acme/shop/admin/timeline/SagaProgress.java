package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventType;

import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Derives a saga's status from the set of its steps, not from their arrival order: payment and order
 * events travel on different topics, so admin-service may see ORDER_CREATED before PAYMENT_APPROVED or a
 * compensating refund before the ORDER_CREATION_FAILED that caused it. Any order of the same steps gives
 * the same status.
 *
 * <ul>
 *   <li>ORDER_CREATED seen: COMPLETED, or REFUNDED / PARTIALLY_REFUNDED once cancels followed. The created
 *       order wins over a (contradictory) failure: the status describes what the customer holds.</li>
 *   <li>Order failed (ORDER_CREATION_FAILED, or a cancel whose cause is ORDER_CREATION_FAILED):
 *       COMPENSATED when the balance reached 0, else COMPENSATING (the refund is still owed).</li>
 *   <li>No order decision yet: APPROVED, or REFUNDED / PARTIALLY_REFUNDED when a manual or external cancel
 *       came first.</li>
 * </ul>
 *
 * @param amount KRW won of the payment when any step states it
 */
record SagaProgress(SagaStatus status, Long amount) {

    SagaProgress {
        Objects.requireNonNull(status, "status");
    }

    static SagaProgress of(Collection<StepFact> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a saga has at least one step");
        }
        boolean orderCreated = steps.stream().anyMatch(s -> s.type() == EventType.ORDER_CREATED);
        boolean orderFailed = steps.stream().anyMatch(s -> s.type() == EventType.ORDER_CREATION_FAILED
                || s.isCompensatingCancel());
        // Toss's balance only goes down, so the smallest balance seen is the current one.
        OptionalLong balance = steps.stream().filter(s -> s.type() == EventType.PAYMENT_CANCELED)
                .mapToLong(StepFact::balanceAmount).min();
        boolean fullyRefunded = balance.isPresent() && balance.getAsLong() == 0;

        SagaStatus status;
        if (orderCreated || !orderFailed) {
            status = fullyRefunded ? SagaStatus.REFUNDED
                    : balance.isPresent() ? SagaStatus.PARTIALLY_REFUNDED
                    : orderCreated ? SagaStatus.COMPLETED : SagaStatus.APPROVED;
        } else {
            status = fullyRefunded ? SagaStatus.COMPENSATED : SagaStatus.COMPENSATING;
        }
        return new SagaProgress(status, amountOf(steps));
    }

    /** The approval states the amount best; the other events repeat it. */
    private static Long amountOf(Collection<StepFact> steps) {
        return steps.stream().filter(s -> s.amount() != null)
                .min((a, b) -> Integer.compare(rank(a.type()), rank(b.type())))
                .map(StepFact::amount).orElse(null);
    }

    private static int rank(EventType type) {
        return switch (type) {
            case PAYMENT_APPROVED -> 0;
            case ORDER_CREATED -> 1;
            case PAYMENT_CANCELED -> 2;
            case ORDER_CREATION_FAILED -> 3;
        };
    }
}
