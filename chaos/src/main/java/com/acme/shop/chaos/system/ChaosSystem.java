package com.acme.shop.chaos.system;

import java.time.Instant;

/**
 * What the chaos run needs from a running system: addresses, credentials, and the ways to break it. Implemented by
 * {@link LauncherSystem} (the local launcher's LocalCluster: child JVMs it supervises and restarts).
 */
public interface ChaosSystem extends AutoCloseable {

    /** The address clients use; with several instances it spreads requests over them. */
    String url(Service service);

    int instances(Service service);

    /** kill -9 of one instance; the supervisor restarts it. Returns when the process is gone. */
    void kill(Service service, int instance);

    /** Hard stop of the broker and a start on the same data and port. */
    void restartKafka();

    /** kill -9 of the database server and a start on the same data and port. */
    void restartDatabase();

    /** e.g. {@code jdbc:mariadb://127.0.0.1:3307/}; the schema name is appended. */
    String jdbcBase();

    String dbUser();

    String dbPassword();

    String serviceToken();

    /** Adds a listener for process deaths and restarts. */
    void addListener(Listener listener);

    @Override
    void close();

    interface Listener {
        void died(Service service, int instance, Instant at, int exitCode);

        void healthy(Service service, int instance, Instant at);
    }
}
