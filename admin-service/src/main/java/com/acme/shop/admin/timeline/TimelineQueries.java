package com.acme.shop.admin.timeline;

import com.acme.shop.platform.web.ApiException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/** Reads of the saga read model for the console. */
@Service
@Transactional(readOnly = true)
public class TimelineQueries {

    private final Sagas sagas;
    private final SagaSteps steps;

    TimelineQueries(Sagas sagas, SagaSteps steps) {
        this.sagas = sagas;
        this.steps = steps;
    }

    public SagaTimeline timeline(String orderId) {
        Saga saga = sagas.findById(orderId).orElseThrow(() -> ApiException.notFound(
                "SAGA_NOT_FOUND", "No saga events recorded for order " + orderId));
        List<TimelineStep> timeline = steps.findByOrderIdOrderByOccurredAtAscIdAsc(orderId).stream()
                .map(s -> new TimelineStep(s.eventId(), s.eventType().name(), s.service(), s.occurredAt(),
                        s.outcome(), s.reasonCode(), s.reason(), s.summary(), s.recordedAt()))
                .toList();
        return new SagaTimeline(saga.orderId(), saga.status(), saga.amount(), timeline);
    }

    /** The timeline, or empty when no event of the order was recorded (yet). */
    public java.util.Optional<SagaTimeline> find(String orderId) {
        return sagas.existsById(orderId) ? java.util.Optional.of(timeline(orderId)) : java.util.Optional.empty();
    }

    /** Latest first (by the newest step), optionally only one status. */
    List<SagaListItem> latest(SagaStatus status, int limit) {
        List<Saga> found = status == null
                ? sagas.findAllByOrderByLastStepAtDescOrderIdDesc(Limit.of(limit))
                : sagas.findByStatusOrderByLastStepAtDescOrderIdDesc(status, Limit.of(limit));
        return found.stream()
                .map(s -> new SagaListItem(s.orderId(), s.status(), s.lastStepAt(), s.amount(), s.stepCount()))
                .toList();
    }

    /** @param amount KRW won, null until a step states it */
    public record SagaTimeline(String orderId, SagaStatus status, Long amount, List<TimelineStep> steps) {
    }

    /**
     * One step: which service, what, when, with what outcome and why.
     *
     * @param occurredAt when the producing service says it happened
     * @param reasonCode FailureReason of a failed order or CancelCause of a cancel, else null
     * @param reason     the producer's reason text, else null
     * @param recordedAt when admin-service recorded it (lag = recordedAt - occurredAt)
     */
    public record TimelineStep(String eventId, String eventType, String service, Instant occurredAt, StepOutcome outcome,
                        String reasonCode, String reason, String summary, Instant recordedAt) {
    }

    /** @param amount KRW won, null until a step states it */
    public record SagaListItem(String orderId, SagaStatus status, Instant lastStepAt, Long amount, int stepCount) {
    }
}
