package com.acme.shop.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;

/**
 * Keeps one instance of an application running: when its process exits without being asked to, it tells the
 * listeners, waits the back-off ({@link RestartBackoff}), starts a new process, and tells them again when that one
 * answers UP. A restarted process that is not healthy within the health timeout is killed and counts as another
 * death. {@link #detach} ends supervision, so the cluster can stop the process without it being restarted.
 */
final class Supervisor implements AutoCloseable {

    /** The running process of the instance, as the supervisor needs it. */
    interface Child {
        long pid();

        int port();

        /** Completes with the exit code when the process ends. */
        CompletableFuture<Integer> onExit();

        /** SIGKILL. */
        void kill();

        /** SIGTERM. */
        void requestStop();

        /** Waits until the deadline (System.nanoTime) for the process to exit, then SIGKILL; true if it exited. */
        boolean awaitOrKill(long deadlineNanos);
    }

    /** Starts a new process for the instance. */
    interface Starter {
        Child start() throws IOException;
    }

    private final App app;
    private final int instance;
    private final Starter starter;
    private final IntPredicate healthy;
    private final RestartBackoff backoff;
    private final Duration healthTimeout;
    private final Duration pollInterval;
    private final List<SupervisorListener> listeners;
    private final Clock clock;

    private final Object lock = new Object();
    private Child current;
    private Instant healthySince;
    private int deathsInARow;
    private boolean closed;

    /**
     * @param healthy   probes the instance on its port
     * @param listeners read at every event (a concurrent list the cluster adds to)
     */
    Supervisor(App app, int instance, Starter starter, IntPredicate healthy, RestartBackoff backoff,
               Duration healthTimeout, Duration pollInterval, List<SupervisorListener> listeners, Clock clock) {
        this.app = app;
        this.instance = instance;
        this.starter = starter;
        this.healthy = healthy;
        this.backoff = backoff;
        this.healthTimeout = healthTimeout;
        this.pollInterval = pollInterval;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Starts supervising a process that is already running and healthy (the cluster's first start). */
    void adopt(Child child) {
        synchronized (lock) {
            current = child;
            healthySince = clock.instant();
        }
        child.onExit().whenComplete((code, error) -> exited(child, code == null ? -1 : code));
    }

    App app() {
        return app;
    }

    int instance() {
        return instance;
    }

    /** The current process's pid, or -1 between a death and the restart. */
    long pid() {
        synchronized (lock) {
            return current == null ? -1 : current.pid();
        }
    }

    /** SIGKILL of the current process; the supervisor then restarts it like any other death. */
    void kill() {
        Child child;
        synchronized (lock) {
            child = current;
        }
        if (child == null) {
            throw new IllegalStateException(app + " instance " + instance + " is not running (restart pending)");
        }
        child.kill();
    }

    private void exited(Child child, int exitCode) {
        Instant at = clock.instant();
        Duration delay;
        int attempt;
        synchronized (lock) {
            if (closed || child != current) {
                return;
            }
            Duration healthyFor = healthySince == null ? null : Duration.between(healthySince, at);
            deathsInARow = backoff.deathsInARow(deathsInARow, healthyFor);
            attempt = deathsInARow;
            delay = backoff.delay(attempt);
            current = null;
            healthySince = null;
        }
        listeners.forEach(l -> l.died(app, instance, at, exitCode));
        Thread.ofVirtual().name(app.module() + "-" + instance + "-restart").start(() -> restart(at, attempt, delay));
    }

    private void restart(Instant diedAt, int attempt, Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            return;
        }
        Child child;
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                child = starter.start();
            } catch (IOException | RuntimeException e) {
                System.err.println(clock.instant() + "  " + app + "#" + instance + " could not be started: " + e);
                child = null;
            }
            if (child == null) {
                deathsInARow++;
                int next = deathsInARow;
                Thread.ofVirtual().start(() -> restart(diedAt, next, backoff.delay(next)));
                return;
            }
            current = child;
        }
        Child started = child;
        listeners.forEach(l -> l.restarted(app, instance, clock.instant(), started.pid(), attempt, delay));
        started.onExit().whenComplete((code, error) -> exited(started, code == null ? -1 : code));
        awaitHealthy(started, diedAt);
    }

    private void awaitHealthy(Child child, Instant diedAt) {
        long deadline = System.nanoTime() + healthTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lock) {
                if (closed || current != child) {
                    return; // stopped, or died again (exited() took over)
                }
            }
            if (healthy.test(child.port())) {
                Instant now = clock.instant();
                synchronized (lock) {
                    if (current != child) {
                        return;
                    }
                    healthySince = now;
                }
                listeners.forEach(l -> l.healthy(app, instance, now, Duration.between(diedAt, now)));
                return;
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println(clock.instant() + "  " + app + "#" + instance + " not healthy within "
                + healthTimeout.toSeconds() + " s after its restart: killed, to be restarted again");
        child.kill();
    }

    /**
     * Ends supervision for good (no restart after this) and hands over the current process, or null, for the
     * caller to stop.
     */
    Child detach() {
        synchronized (lock) {
            closed = true;
            Child child = current;
            current = null;
            return child;
        }
    }

    @Override
    public void close() {
        Child child = detach();
        if (child != null) {
            child.requestStop();
            child.awaitOrKill(System.nanoTime() + LocalSystem.STOP_GRACE.toNanos());
        }
    }
}
