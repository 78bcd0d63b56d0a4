package com.acme.shop.platform.jobs;

import com.acme.shop.testsupport.MutableClock;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.platform.jdbc.UtcTime;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner against a real MariaDB/MySQL table: leases, the attempt budget, parking, back-off and several
 * instances sharing one table. Each test drives its own queues over a table of its own schema, not a service's.
 */
class JobQueueIT {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final JobTable TABLE = new JobTable("test_job", "id", "state", List.of("OPEN", "RETRYING"), "PARKED",
            "next_attempt_at", "attempts", "version");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void schema() {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl("platform_jobs_isolated"));
        config.setUsername(endpoints.username());
        config.setPassword(endpoints.password());
        config.setMaximumPoolSize(20);
        dataSource = new HikariDataSource(config);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS test_job (
                    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    state VARCHAR(16) NOT NULL,
                    attempts INT NOT NULL DEFAULT 0,
                    next_attempt_at DATETIME(6) NOT NULL,
                    last_error VARCHAR(500) NULL,
                    version BIGINT NOT NULL DEFAULT 0,
                    KEY ix_test_job_due (state, next_attempt_at))""");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM test_job");
    }

    /** A handler whose decision per attempt the test chooses; it records what the runner asked it to write. */
    static final class Recorder implements DurableJob<Long> {
        final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        final List<Job<Long>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        final Function<Job<Long>, JobOutcome> decide;

        Recorder(Function<Job<Long>, JobOutcome> decide) {
            this.decide = decide;
        }

        @Override
        public JobOutcome run(Job<Long> job) {
            runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            seen.add(job);
            JobOutcome outcome = decide.apply(job);
            if (outcome instanceof JobOutcome.Done) {
                jdbc.update("UPDATE test_job SET state = 'DONE' WHERE id = ?", job.id());
            }
            return outcome;
        }

        @Override
        public void retryAt(Long id, Instant at, String reason) {
            jdbc.update("UPDATE test_job SET state = 'RETRYING', next_attempt_at = ?, last_error = ? WHERE id = ?",
                    UtcTime.of(at), reason, id);
        }

        @Override
        public void park(Long id, String reason) {
            jdbc.update("UPDATE test_job SET state = 'PARKED', last_error = ? WHERE id = ?", reason, id);
        }
    }

    private static JobSettings settings(int maxAttempts, Duration lease) {
        return new JobSettings(maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(1), 0.5, lease,
                Duration.ofMillis(50), 8, 100);
    }

    private JobQueue<Long> queue(Recorder recorder, JobSettings settings, Clock clock, SimpleMeterRegistry registry) {
        return new JobQueue<>("test", TABLE, Long.class, recorder, settings, jdbc, clock, workers, registry);
    }

    private static long insertJob(Instant due) {
        jdbc.update("INSERT INTO test_job (state, next_attempt_at) VALUES ('OPEN', ?)", UtcTime.of(due));
        return jdbc.queryForObject("SELECT MAX(id) FROM test_job", Long.class);
    }

    private static Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM test_job WHERE id = ?", id);
    }

    @Test
    void aSubmittedJobRunsOnceAtOnce() {
        Recorder recorder = new Recorder(job -> JobOutcome.done());
        JobQueue<Long> queue = queue(recorder, settings(3, Duration.ofSeconds(30)), Clock.systemUTC(), null);
        long id = insertJob(Instant.now());

        queue.submit(id);
        queue.submit(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(row(id).get("state")));
        assertThat(recorder.runs.get(id)).hasValue(1);
        assertThat(recorder.seen.getFirst().attempt()).isEqualTo(1);
        assertThat(row(id).get("attempts")).isEqualTo(1);
        assertThat(row(id).get("version")).isEqualTo(1L);
    }

    @Test
    void aFailedAttemptIsDueAgainAfterTheJitteredBackoffAndTheLastOneParks() {
        MutableClock clock = new MutableClock(T0);
        Recorder recorder = new Recorder(job -> JobOutcome.retryLater("Toss answered PROVIDER_ERROR"));
        JobQueue<Long> queue = queue(recorder, settings(3, Duration.ofSeconds(30)), clock, null);
        long id = insertJob(T0);

        assertThat(queue.attempt(id, 0)).isEqualTo(JobQueue.Result.RETRIED);
        Instant firstRetry = nextAttemptAt(id);
        assertThat(firstRetry).isBetween(T0.plusMillis(500), T0.plusSeconds(1));
        assertThat(row(id).get("state")).isEqualTo("RETRYING");

        // not due yet: a second instance's lease fails
        assertThat(queue.attempt(id, 1)).isEqualTo(JobQueue.Result.LOST_LEASE);

        clock.set(firstRetry);
        assertThat(queue.attempt(id, 1)).isEqualTo(JobQueue.Result.RETRIED);
        Instant secondRetry = nextAttemptAt(id);
        assertThat(secondRetry).isBetween(firstRetry.plusSeconds(1), firstRetry.plusSeconds(2));

        clock.set(secondRetry);
        assertThat(queue.attempt(id, 2)).isEqualTo(JobQueue.Result.PARKED);
        assertThat(row(id).get("state")).isEqualTo("PARKED");
        assertThat((String) row(id).get("last_error"))
                .isEqualTo("budget of 3 attempts spent; last: Toss answered PROVIDER_ERROR");
        assertThat(recorder.seen).extracting(Job::attempt).containsExactly(1, 2, 3);
        assertThat(recorder.seen.get(2).lastAttempt()).isTrue();
    }

    @Test
    void waitingForItsTurnSpendsNoAttemptAndNeverParks() {
        MutableClock clock = new MutableClock(T0);
        java.util.concurrent.atomic.AtomicBoolean turn = new java.util.concurrent.atomic.AtomicBoolean();
        Recorder recorder = new Recorder(job -> turn.get() ? JobOutcome.done()
                : JobOutcome.waitTurn("another refund of the payment is at the PG"));
        JobQueue<Long> queue = queue(recorder, settings(2, Duration.ofSeconds(30)), clock, null);
        long id = insertJob(T0);

        for (int i = 0; i < 5; i++) { // more waits than the budget of 2 attempts
            assertThat(queue.attempt(id, 0)).isEqualTo(JobQueue.Result.WAITED);
            Instant next = nextAttemptAt(id);
            assertThat(next).isBetween(clock.instant().plusMillis(500), clock.instant().plusSeconds(1));
            assertThat(row(id).get("attempts")).isEqualTo(0);
            assertThat(row(id).get("state")).isEqualTo("RETRYING");
            clock.set(next);
        }
        turn.set(true);

        assertThat(queue.attempt(id, 0)).isEqualTo(JobQueue.Result.DONE);
        assertThat(recorder.seen).extracting(Job::attempt).containsOnly(1);
        assertThat(row(id).get("attempts")).isEqualTo(1);
    }

    @Test
    void aHandlerMayParkAtOnceAndAnExceptionCountsAsARetry() {
        MutableClock clock = new MutableClock(T0);
        long parks = insertJob(T0);
        long throwsOnce = insertJob(T0);
        Recorder recorder = new Recorder(job -> {
            if (job.id() == parks) {
                return JobOutcome.park("virtual account refund needs the customer's refund account");
            }
            throw new IllegalStateException("database hiccup");
        });
        JobQueue<Long> queue = queue(recorder, settings(5, Duration.ofSeconds(30)), clock, null);

        assertThat(queue.attempt(parks, 0)).isEqualTo(JobQueue.Result.PARKED);
        assertThat(queue.attempt(throwsOnce, 0)).isEqualTo(JobQueue.Result.RETRIED);

        assertThat(row(parks).get("last_error")).isEqualTo("virtual account refund needs the customer's refund account");
        assertThat((String) row(throwsOnce).get("last_error")).contains("database hiccup");
        assertThat(row(throwsOnce).get("state")).isEqualTo("RETRYING");
    }

    @Test
    void aJobWhoseAttemptDiedIsTakenOverWhenTheLeaseRunsOut() {
        MutableClock clock = new MutableClock(T0);
        long id = insertJob(T0);
        // instance A leases the row and dies before writing anything
        assertThat(jdbc.update(TABLE.leaseSql(), UtcTime.of(T0.plusSeconds(30)), id, 0, UtcTime.of(T0))).isEqualTo(1);
        Recorder recorder = new Recorder(job -> JobOutcome.done());
        JobQueue<Long> b = queue(recorder, settings(5, Duration.ofSeconds(30)), clock, null);

        assertThat(b.sweep()).isZero();
        clock.set(T0.plusSeconds(30));
        assertThat(b.sweep()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(row(id).get("state")));
        assertThat(recorder.seen.getFirst().attempt()).isEqualTo(2);
    }

    @Test
    void twoInstancesSweepingOneTableRunEveryJobExactlyOnce() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(insertJob(Instant.now().minusSeconds(1)));
        }
        Recorder recorder = new Recorder(job -> JobOutcome.done());
        JobQueue<Long> a = queue(recorder, settings(3, Duration.ofSeconds(30)), Clock.systemUTC(), null);
        JobQueue<Long> b = queue(recorder, settings(3, Duration.ofSeconds(30)), Clock.systemUTC(), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            a.sweep();
            b.sweep();
            return jdbc.queryForObject("SELECT COUNT(*) FROM test_job WHERE state = 'DONE'", Integer.class) == 300;
        });

        assertThat(ids).allSatisfy(id -> assertThat(recorder.runs.get(id)).hasValue(1));
    }

    @Test
    void aRunnerStoppedAndStartedAgainStillRunsJobs() {
        JobRunner runner = new JobRunner(jdbc, Clock.systemUTC(), new org.springframework.mock.env.MockEnvironment(),
                null);
        Recorder recorder = new Recorder(job -> JobOutcome.done());
        JobQueue<Long> queue = runner.register("test", TABLE, Long.class, recorder);
        runner.start();
        runner.stop();

        runner.start(); // e.g. a paused context of Spring's test cache, resumed
        long id = insertJob(Instant.now());
        queue.submit(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(row(id).get("state")));
        runner.stop();
    }

    @Test
    void gaugesCountDueAndParkedJobsAndTheOldestWait() {
        MutableClock clock = new MutableClock(T0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        queue(new Recorder(job -> JobOutcome.done()), settings(3, Duration.ofSeconds(30)), clock, registry);
        insertJob(T0.minusSeconds(90));
        insertJob(T0.minusSeconds(10));
        insertJob(T0.plusSeconds(60));
        long parked = insertJob(T0);
        jdbc.update("UPDATE test_job SET state = 'PARKED' WHERE id = ?", parked);

        assertThat(registry.get("jobs.due").tag("queue", "test").gauge().value()).isEqualTo(2);
        assertThat(registry.get("jobs.oldest.due.age").tag("queue", "test").gauge().value()).isEqualTo(90);
        assertThat(registry.get("jobs.parked").tag("queue", "test").gauge().value()).isEqualTo(1);
        assertThat(registry.get("jobs.in.flight").tag("queue", "test").gauge().value()).isZero();
    }

    private static Instant nextAttemptAt(long id) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM test_job WHERE id = ?", (rs, i) -> UtcTime.read(rs, 1), id);
    }
}
