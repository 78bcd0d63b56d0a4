package com.acme.shop.local;

import java.time.Duration;
import java.time.Instant;

/**
 * What the launcher's supervisor tells about the application instances it watches ({@link LocalCluster#addListener}).
 * Called on the supervisor's threads: return quickly and do not throw. Instances count from 0.
 */
public interface SupervisorListener {

    /**
     * An instance exited without being asked to stop (a crash, or {@link LocalCluster#kill}).
     *
     * @param exitCode the process's exit code; 128 + n when a signal n ended it (137 for SIGKILL)
     */
    default void died(App app, int instance, Instant at, int exitCode) {
    }

    /**
     * A new process for the instance was started, after waiting {@code backoff}.
     *
     * @param attempt how many deaths in a row this restart follows (1 after a stable run)
     */
    default void restarted(App app, int instance, Instant at, long pid, int attempt, Duration backoff) {
    }

    /**
     * A restarted instance answers UP on {@code /actuator/health} again.
     *
     * @param downtime from its death to now
     */
    default void healthy(App app, int instance, Instant at, Duration downtime) {
    }
}
