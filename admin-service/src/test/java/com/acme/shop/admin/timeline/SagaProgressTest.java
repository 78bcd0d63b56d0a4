package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.payment.CancelCause;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.acme.shop.contracts.EventType.ORDER_CREATED;
import static com.acme.shop.contracts.EventType.ORDER_CREATION_FAILED;
import static com.acme.shop.contracts.EventType.PAYMENT_APPROVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SagaProgressTest {

    private static final StepFact APPROVED = new StepFact(PAYMENT_APPROVED, 39_000L, null, null);
    private static final StepFact CREATED = new StepFact(ORDER_CREATED, 39_000L, null, null);
    private static final StepFact FAILED = new StepFact(ORDER_CREATION_FAILED, 39_000L, null, null);

    private static StepFact cancel(long balance, CancelCause cause) {
        return new StepFact(EventType.PAYMENT_CANCELED, 39_000L, balance, cause);
    }

    private static SagaStatus statusOf(StepFact... steps) {
        SagaStatus status = SagaProgress.of(List.of(steps)).status();
        // The status depends on which steps were seen, never on the order they arrived in.
        List<StepFact> reversed = new ArrayList<>(List.of(steps));
        Collections.reverse(reversed);
        assertThat(SagaProgress.of(reversed).status()).as("same status in reverse arrival order").isEqualTo(status);
        return status;
    }

    @Test
    void approvalAloneWaitsForTheOrder() {
        assertThat(statusOf(APPROVED)).isEqualTo(SagaStatus.APPROVED);
    }

    @Test
    void createdOrderCompletesTheSaga() {
        assertThat(statusOf(APPROVED, CREATED)).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void createdOrderSeenBeforeItsApprovalIsAlreadyCompleted() {
        assertThat(statusOf(CREATED)).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void failedOrderIsCompensatingUntilTheRefundIsConfirmed() {
        assertThat(statusOf(APPROVED, FAILED)).isEqualTo(SagaStatus.COMPENSATING);
    }

    @Test
    void failedOrderWithMoneyStillHeldIsStillCompensating() {
        assertThat(statusOf(APPROVED, FAILED, cancel(9_000, CancelCause.ORDER_CREATION_FAILED)))
                .isEqualTo(SagaStatus.COMPENSATING);
    }

    @Test
    void failedOrderRefundedToZeroIsCompensated() {
        assertThat(statusOf(APPROVED, FAILED, cancel(0, CancelCause.ORDER_CREATION_FAILED)))
                .isEqualTo(SagaStatus.COMPENSATED);
    }

    @Test
    void compensatingRefundSeenBeforeTheFailureEventIsCompensated() {
        // payment.events can overtake order.events: the cancel's cause tells the order failed.
        assertThat(statusOf(APPROVED, cancel(0, CancelCause.ORDER_CREATION_FAILED)))
                .isEqualTo(SagaStatus.COMPENSATED);
    }

    @Test
    void fullCancelAfterTheOrderIsRefunded() {
        assertThat(statusOf(APPROVED, CREATED, cancel(0, CancelCause.MANUAL))).isEqualTo(SagaStatus.REFUNDED);
    }

    @Test
    void partialCancelAfterTheOrderIsPartiallyRefunded() {
        assertThat(statusOf(APPROVED, CREATED, cancel(29_000, CancelCause.MANUAL)))
                .isEqualTo(SagaStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void partialCancelsThatReachZeroAreRefundedWhateverTheirArrivalOrder() {
        assertThat(statusOf(APPROVED, CREATED, cancel(29_000, CancelCause.MANUAL), cancel(0, CancelCause.MANUAL)))
                .isEqualTo(SagaStatus.REFUNDED);
    }

    @Test
    void externalCancelBeforeTheOrderWasDecidedIsRefunded() {
        assertThat(statusOf(APPROVED, cancel(0, CancelCause.EXTERNAL))).isEqualTo(SagaStatus.REFUNDED);
        assertThat(statusOf(APPROVED, cancel(10_000, CancelCause.EXTERNAL))).isEqualTo(SagaStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void createdOrderWinsOverAContradictingFailure() {
        assertThat(statusOf(APPROVED, CREATED, FAILED)).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void amountComesFromTheApprovalFirst() {
        StepFact approved = new StepFact(PAYMENT_APPROVED, 39_000L, null, null);
        StepFact created = new StepFact(ORDER_CREATED, 38_000L, null, null);
        assertThat(SagaProgress.of(List.of(created, approved)).amount()).isEqualTo(39_000L);
        assertThat(SagaProgress.of(List.of(created)).amount()).isEqualTo(38_000L);
    }

    @Test
    void amountIsUnknownWhenNoStepStatesIt() {
        assertThat(SagaProgress.of(List.of(new StepFact(ORDER_CREATED, null, null, null))).amount()).isNull();
    }

    @Test
    void aSagaWithoutStepsHasNoStatus() {
        assertThatThrownBy(() -> SagaProgress.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelMustCarryItsBalanceAndCause() {
        assertThatThrownBy(() -> new StepFact(EventType.PAYMENT_CANCELED, 39_000L, null, CancelCause.MANUAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepFact(EventType.PAYMENT_CANCELED, 39_000L, 0L, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
