package com.acme.shop.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code saga.completion} (Prometheus {@code saga_completion_seconds}, a histogram): how long after Toss approved a
 * payment (the {@code approvedAt} in PAYMENT_APPROVED) a step of the saga had its row committed, with tag
 * {@code step} = {@code order} (order-service created or failed the order) or {@code settlement} (settlement-service
 * booked the sale). Recorded after the commit, once per applied event: a rolled-back attempt or a redelivery that
 * changed nothing is not a completion.
 */
public class SagaCompletion {

    public static final String ORDER = "order";
    public static final String SETTLEMENT = "settlement";

    private final Timer timer;
    private final Clock clock;

    public SagaCompletion(MeterRegistry registry, Clock clock, String step) {
        this.clock = clock;
        this.timer = Timer.builder("saga.completion").tag("step", step)
                .description("Toss approval to this step's row committed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    /** Records the step as done now, or when the surrounding transaction commits if there is one. */
    public void completed(Instant approvedAt) {
        if (approvedAt == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record(approvedAt);
                }
            });
        } else {
            record(approvedAt);
        }
    }

    private void record(Instant approvedAt) {
        Duration took = Duration.between(approvedAt, clock.instant());
        // clocks of Toss and ours differ a little; a negative span is recorded as zero rather than dropped
        timer.record(took.isNegative() ? Duration.ZERO : took);
    }
}
