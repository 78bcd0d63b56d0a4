package com.acme.shop.platform.jobs;

import java.time.Instant;

/**
 * One attempt at one job, handed to {@link DurableJob#run}: the row is leased to this attempt until the lease
 * ends, so no other instance works on it meanwhile.
 *
 * @param id          the row's id
 * @param attempt     1 for the first attempt; counted in the row, so it survives restarts
 * @param maxAttempts the queue's attempt budget
 * @param retryAt     when the job is due again if this attempt does not finish it
 */
public record Job<K>(K id, int attempt, int maxAttempts, Instant retryAt) {

    /** The budget is spent if this attempt does not finish the job: a retry becomes a park. */
    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }
}
