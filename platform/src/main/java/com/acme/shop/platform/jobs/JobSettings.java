package com.acme.shop.platform.jobs;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How one durable queue runs, bound from {@code shop.jobs.<queue>.*} (every field has a default).
 *
 * @param maxAttempts    attempts before a job is parked for a person
 * @param initialBackoff wait after the first failed attempt; doubles per attempt up to {@code maxBackoff}
 * @param jitter         fraction by which each wait is randomly shortened (0 = none)
 * @param lease          how long one attempt owns its row; longer than the slowest attempt (several Toss calls),
 *                       since another instance takes the row over once it ends
 * @param sweepInterval  how often due rows are looked for (new rows are also handed over at once after commit)
 * @param concurrency    attempts in flight at once per instance; attempts mostly wait on the PG, so they run on
 *                       virtual threads and this is the bulkhead, not a thread count
 * @param batchSize      due rows fetched per sweep at most
 */
public record JobSettings(@DefaultValue("10") int maxAttempts,
                          @DefaultValue("1s") Duration initialBackoff,
                          @DefaultValue("5m") Duration maxBackoff,
                          @DefaultValue("0.5") double jitter,
                          @DefaultValue("60s") Duration lease,
                          @DefaultValue("1s") Duration sweepInterval,
                          @DefaultValue("16") int concurrency,
                          @DefaultValue("100") int batchSize) {

    public JobSettings {
        if (maxAttempts < 1 || concurrency < 1 || batchSize < 1) {
            throw new IllegalArgumentException("max-attempts, concurrency and batch-size must be positive");
        }
        if (!lease.isPositive() || !sweepInterval.isPositive()) {
            throw new IllegalArgumentException("lease and sweep-interval must be positive");
        }
    }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff, jitter);
    }
}
