package com.acme.shop.admin.timeline;

import com.acme.shop.admin.SagaEvents;
import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.CancelCause;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SagaTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-11-21T05:30:15Z");
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    private static SagaStep step(EventEnvelope<?> event) {
        return SagaStep.record(event, CODEC.encode(event), NOW);
    }

    @Test
    void takesStatusAmountAndTimesFromAllItsSteps() {
        String orderId = SagaEvents.newOrderId();
        SagaStep canceled = step(SagaEvents.canceled(orderId, 10_000, 29_000, CancelCause.MANUAL, T0.plusSeconds(60)));
        SagaStep approved = step(SagaEvents.approved(orderId, T0));
        SagaStep created = step(SagaEvents.created(orderId, T0.plusSeconds(1)));

        Saga saga = Saga.start(orderId);
        saga.refresh(List.of(canceled, approved, created), NOW);

        assertThat(saga.status()).isEqualTo(SagaStatus.PARTIALLY_REFUNDED);
        assertThat(saga.amount()).isEqualTo(SagaEvents.TOTAL);
        assertThat(saga.stepCount()).isEqualTo(3);
        assertThat(saga.lastStepAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void stepKnowsItsServiceAndFacts() {
        String orderId = SagaEvents.newOrderId();
        SagaStep cancel = step(SagaEvents.canceled(orderId, 39_000, 0, CancelCause.ORDER_CREATION_FAILED, T0));
        assertThat(cancel.service()).isEqualTo("payment-service");
        assertThat(cancel.fact()).isEqualTo(new StepFact(com.acme.shop.contracts.EventType.PAYMENT_CANCELED,
                SagaEvents.TOTAL, 0L, CancelCause.ORDER_CREATION_FAILED));
        assertThat(step(SagaEvents.failed(orderId, T0)).service()).isEqualTo("order-service");
    }

    @Test
    void refusesStepsOfAnotherOrder() {
        Saga saga = Saga.start(SagaEvents.newOrderId());
        SagaStep foreign = step(SagaEvents.approved(SagaEvents.newOrderId(), T0));
        assertThatThrownBy(() -> saga.refresh(List.of(foreign), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> saga.refresh(List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
