package com.acme.shop.settlement.export;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The export's own connections, apart from the pool the Kafka listener, the API and the reconciliation share. An
 * export streams to its client and holds its connection for as long as the client takes to read (minutes for a
 * slow one): with the shared pool, ten slow readers held all ten connections and payment events went to the
 * dead-letter topic. Here they can only take this pool's few connections; when all are in use, a new export is
 * refused at once with 503 {@code EXPORT_BUSY} instead of queueing.
 */
public final class ExportConnections implements AutoCloseable {

    private final DataSource pool;
    private final Duration retryAfter;

    public ExportConnections(DataSource pool, Duration retryAfter) {
        this.pool = pool;
        this.retryAfter = retryAfter;
    }

    /** A connection for one export, or {@link ExportBusyException} when the pool is busy. */
    Connection acquire() {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException busy) {
            throw new ExportBusyException(retryAfter);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("no connection for the export", e);
        }
    }

    /** Connections exports hold right now (0 before the first export). */
    public int active() {
        HikariPoolMXBean bean = pool instanceof HikariDataSource hikari ? hikari.getHikariPoolMXBean() : null;
        return bean == null ? 0 : bean.getActiveConnections();
    }

    @Override
    public void close() {
        if (pool instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
