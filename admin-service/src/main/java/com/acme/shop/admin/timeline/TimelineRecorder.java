package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.platform.inbox.Inbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Adds a consumed event to its saga's timeline and re-derives the saga, exactly once per event. */
@Service
class TimelineRecorder {

    /** The inbox consumer name; also the Kafka consumer group. */
    static final String CONSUMER = "admin-service";

    private final Inbox inbox;
    private final SagaSteps steps;
    private final Sagas sagas;
    private final Clock clock;

    TimelineRecorder(Inbox inbox, SagaSteps steps, Sagas sagas, Clock clock) {
        this.inbox = inbox;
        this.steps = steps;
        this.sagas = sagas;
        this.clock = clock;
    }

    /**
     * @param rawJson the record value as received
     * @return false when the event was seen before (a redelivery), which changes nothing
     */
    @Transactional
    boolean record(EventEnvelope<?> event, String rawJson) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return false;
        }
        steps.save(SagaStep.record(event, rawJson, clock.instant()));
        List<SagaStep> timeline = steps.findByOrderIdOrderByOccurredAtAscIdAsc(event.orderId());
        Saga saga = sagas.findById(event.orderId()).orElseGet(() -> Saga.start(event.orderId()));
        saga.refresh(timeline, clock.instant());
        sagas.save(saga);
        return true;
    }
}
