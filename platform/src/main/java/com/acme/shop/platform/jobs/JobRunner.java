package com.acme.shop.platform.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one durable-job mechanism of a service: every queue of work that must survive restarts and run once across
 * replicas registers here ({@link #register}) and gets the same lease, back-off, attempt budget, park, bounded
 * concurrency on virtual threads and metrics. Why our own small runner rather than a library: docs/durable-jobs.md.
 *
 * <p>One platform thread sweeps every queue on its interval; attempts run on virtual threads. On shutdown the
 * sweeps stop and running attempts get a few seconds to finish; whatever is cut off keeps its lease until it
 * runs out, then another instance (or this one after a restart) takes it over.
 */
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Environment environment;
    private final MeterRegistry registry;
    private final Map<String, JobQueue<?>> queues = new ConcurrentHashMap<>();
    private volatile ExecutorService workers = newWorkers();
    private ScheduledExecutorService sweeper;
    private volatile boolean running;

    public JobRunner(JdbcTemplate jdbc, Clock clock, Environment environment, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.registry = registry;
    }

    /**
     * Registers a queue; its settings come from {@code shop.jobs.<name>.*} ({@link JobSettings} has defaults for
     * every one). Call it while the context starts (a bean's constructor); sweeps begin when the context is ready.
     */
    public <K> JobQueue<K> register(String name, JobTable table, Class<K> idType, DurableJob<K> job) {
        JobSettings settings = Binder.get(environment).bindOrCreate("shop.jobs." + name, JobSettings.class);
        JobQueue<K> queue = new JobQueue<>(name, table, idType, job, settings, jdbc, clock,
                task -> workers.execute(task), registry);
        if (queues.putIfAbsent(name, queue) != null) {
            throw new IllegalStateException("job queue " + name + " is registered twice");
        }
        return queue;
    }

    public List<JobQueue<?>> queues() {
        return List.copyOf(queues.values());
    }

    private static ExecutorService newWorkers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory());
    }

    /** Also after a stop: a context can be stopped and started again (Spring's test context cache pauses idle ones). */
    @Override
    public synchronized void start() {
        if (workers.isShutdown()) {
            workers = newWorkers();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-sweeper").daemon(true).factory());
        queues.values().forEach(queue -> sweeper.scheduleWithFixedDelay(() -> sweep(queue),
                queue.settings().sweepInterval().toMillis(), queue.settings().sweepInterval().toMillis(),
                TimeUnit.MILLISECONDS));
        running = true;
    }

    private static void sweep(JobQueue<?> queue) {
        try {
            queue.sweep();
        } catch (RuntimeException e) {
            log.warn("Sweep of job queue {} failed; the next one retries: {}", queue.name(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Job attempts still running at shutdown; their leases expire and another instance retries them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server (a request still in flight may submit a job) and before the data source closes
     * (attempts in flight still reach the database).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
