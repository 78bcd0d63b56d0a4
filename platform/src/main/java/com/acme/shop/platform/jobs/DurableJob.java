package com.acme.shop.platform.jobs;

/**
 * A kind of work that must survive restarts and run once across replicas: the refund we owe, a stored
 * webhook, a confirm whose outcome we do not know. The rows live in the service's own table (described by a
 * {@link JobTable}); the {@link JobRunner} finds due rows, leases them, runs attempts on virtual threads within
 * the queue's concurrency limit, spaces retries out and parks jobs whose budget is spent. The handler holds the
 * domain rules: what one attempt does, and how a retry or a park is written down.
 */
public interface DurableJob<K> {

    /** One attempt. Exceptions count as {@link JobOutcome.RetryLater} with the exception as the reason. */
    JobOutcome run(Job<K> job);

    /** Writes down a failed attempt: the job is due again at {@code at}. */
    void retryAt(K id, java.time.Instant at, String reason);

    /** Writes down that automatic handling gave up: the row leaves the queue for a person's review queue. */
    void park(K id, String reason);
}
