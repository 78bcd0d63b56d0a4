package com.acme.shop.platform.jobs;

import com.acme.shop.platform.jdbc.UtcTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One durable queue at run time (built by {@link JobRunner#register}). Work reaches it two ways: {@link #submit} right
 * after the transaction that wrote a new row committed (no waiting for a sweep), and {@link #sweep} on a schedule,
 * which picks up retries that came due and rows whose attempt died with its instance (the lease ran out).
 *
 * <p>Each attempt first takes a lease on its row (one compare-and-set UPDATE), so several instances can sweep the
 * same table and each job still runs once at a time. Attempts run on virtual threads, at most
 * {@link JobSettings#concurrency()} at once per instance; an id already queued or running here is not queued twice.
 */
public final class JobQueue<K> {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);
    /** Gauges read the table at most this often, however often they are scraped. */
    private static final Duration STATS_TTL = Duration.ofSeconds(5);

    enum Result { DONE, RETRIED, WAITED, PARKED, LOST_LEASE }

    private final String name;
    private final JobTable table;
    private final Class<K> idType;
    private final DurableJob<K> job;
    private final JobSettings settings;
    private final Backoff backoff;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Executor executor;
    private final Semaphore permits;
    private final Set<K> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<Result, Counter> results = new EnumMap<>(Result.class);
    private volatile Stats stats;

    JobQueue(String name, JobTable table, Class<K> idType, DurableJob<K> job, JobSettings settings, JdbcTemplate jdbc,
             Clock clock, Executor executor, MeterRegistry registry) {
        this.name = name;
        this.table = table;
        this.idType = idType;
        this.job = job;
        this.settings = settings;
        this.backoff = settings.backoff();
        this.jdbc = jdbc;
        this.clock = clock;
        this.executor = executor;
        this.permits = new Semaphore(settings.concurrency());
        if (registry != null) {
            registerMetrics(registry);
        }
    }

    /** What the queue looks like now, across every instance (due, parked) and in this one (in flight). */
    public record Stats(long due, Duration oldestDueAge, long parked, int inFlight, Instant at) {
    }

    public String name() {
        return name;
    }

    public JobSettings settings() {
        return settings;
    }

    /** Hands a row that was just written (no attempt yet) to a worker; call it after the writing transaction commits. */
    public void submit(K id) {
        submit(id, 0);
    }

    /**
     * Hands a row to a worker now, e.g. after an operator asked to retry it at once (its due time set to now first).
     *
     * @param attemptsSoFar the row's attempt count as the caller last wrote it; if it has moved on, the lease fails
     *                      and the next sweep finds the row
     */
    public void submit(K id, int attemptsSoFar) {
        if (!pending.add(id)) {
            return;
        }
        try {
            executor.execute(() -> work(id, attemptsSoFar));
        } catch (RejectedExecutionException shuttingDown) {
            pending.remove(id); // the next instance's sweep takes it
        }
    }

    /** Hands due rows to workers; returns how many were handed over. Cheap: one indexed query. */
    public int sweep() {
        int room = settings.concurrency() * 2 - pending.size();
        if (room <= 0) {
            return 0;
        }
        List<Object[]> due = jdbc.query(table.dueSql(), (rs, i) -> new Object[]{rs.getObject(1, idType), rs.getInt(2)},
                UtcTime.of(clock.instant()), Math.min(room, settings.batchSize()));
        int handed = 0;
        for (Object[] row : due) {
            K id = idType.cast(row[0]);
            if (!pending.contains(id)) {
                submit(id, (Integer) row[1]);
                handed++;
            }
        }
        return handed;
    }

    private void work(K id, int attemptsSoFar) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.remove(id);
            return;
        }
        running.incrementAndGet();
        try {
            count(attempt(id, attemptsSoFar));
        } catch (RuntimeException e) {
            log.warn("Job {} of queue {}: {}; the lease runs out and a later sweep retries it", id, name, e.toString());
        } finally {
            running.decrementAndGet();
            permits.release();
            pending.remove(id);
        }
    }

    /** One attempt at one job, if its lease can be taken. Package-private so tests can drive it step by step. */
    Result attempt(K id, int attemptsSoFar) {
        Instant now = clock.instant();
        if (jdbc.update(table.leaseSql(), UtcTime.of(now.plus(settings.lease())), id, attemptsSoFar,
                UtcTime.of(now)) != 1) {
            return Result.LOST_LEASE;
        }
        int attempt = attemptsSoFar + 1;
        Job<K> leased = new Job<>(id, attempt, settings.maxAttempts(),
                now.plus(backoff.delay(attempt, ThreadLocalRandom.current())));
        JobOutcome outcome;
        try {
            outcome = job.run(leased);
        } catch (RuntimeException e) {
            log.warn("Job {} of queue {} failed on attempt {}: {}", id, name, attempt, e.toString());
            outcome = JobOutcome.retryLater("failed: " + e);
        }
        return switch (outcome) {
            case JobOutcome.Done done -> Result.DONE;
            case JobOutcome.Wait wait -> {
                Instant next = clock.instant().plus(backoff.delay(1, ThreadLocalRandom.current()));
                log.debug("Job {} of queue {} waits its turn until {}: {}", id, name, next, wait.reason());
                job.retryAt(id, next, wait.reason());
                jdbc.update(table.giveBackAttemptSql(), id, attempt);
                yield Result.WAITED;
            }
            case JobOutcome.Park park -> {
                log.error("Job {} of queue {} PARKED after attempt {}: {}", id, name, attempt, park.reason());
                job.park(id, park.reason());
                yield Result.PARKED;
            }
            case JobOutcome.RetryLater retry when leased.lastAttempt() -> {
                String reason = "budget of " + settings.maxAttempts() + " attempts spent; last: " + retry.reason();
                log.error("Job {} of queue {} PARKED: {}", id, name, reason);
                job.park(id, reason);
                yield Result.PARKED;
            }
            case JobOutcome.RetryLater retry -> {
                log.info("Job {} of queue {} attempt {} not finished, due again at {}: {}", id, name, attempt,
                        leased.retryAt(), retry.reason());
                job.retryAt(id, leased.retryAt(), retry.reason());
                yield Result.RETRIED;
            }
        };
    }

    /** The queue's numbers, read from the table at most every few seconds. */
    public Stats stats() {
        Stats current = stats;
        Instant now = clock.instant();
        if (current == null || current.at().plus(STATS_TTL).isBefore(now)) {
            current = readStats(now);
            stats = current;
        }
        return current;
    }

    private Stats readStats(Instant now) {
        Object[] due = jdbc.queryForObject(table.dueStatsSql(),
                (rs, i) -> new Object[]{rs.getLong(1), UtcTime.read(rs, 2)}, UtcTime.of(now));
        Long parked = jdbc.queryForObject(table.parkedCountSql(), Long.class);
        Instant oldest = (Instant) due[1];
        return new Stats((Long) due[0], oldest == null ? Duration.ZERO : Duration.between(oldest, now),
                parked == null ? 0 : parked, running.get(), now);
    }

    private void count(Result result) {
        Counter counter = results.get(result);
        if (counter != null) {
            counter.increment();
        }
    }

    private void registerMetrics(MeterRegistry registry) {
        Gauge.builder("jobs.due", this, q -> q.stats().due()).tag("queue", name)
                .description("Jobs whose next attempt is due now (all instances)").register(registry);
        Gauge.builder("jobs.oldest.due.age", this, q -> q.stats().oldestDueAge().toMillis() / 1000.0).tag("queue", name)
                .baseUnit("seconds").description("How long the oldest due job has waited").register(registry);
        Gauge.builder("jobs.parked", this, q -> q.stats().parked()).tag("queue", name)
                .description("Jobs parked for a person (all instances)").register(registry);
        Gauge.builder("jobs.in.flight", running, AtomicInteger::get).tag("queue", name)
                .description("Attempts running in this instance").register(registry);
        for (Result result : Result.values()) {
            results.put(result, Counter.builder("jobs.attempts").tag("queue", name)
                    .tag("result", result.name().toLowerCase()).description("Attempts by how they ended")
                    .register(registry));
        }
    }
}
