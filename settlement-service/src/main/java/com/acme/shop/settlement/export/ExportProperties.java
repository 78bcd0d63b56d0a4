package com.acme.shop.settlement.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code settlement.export.*}: the Excel export and the small connection pool that is its own.
 *
 * @param fetchSize         rows per JDBC fetch of the streaming queries (MariaDB; MySQL Connector/J streams row by row)
 * @param poolSize          exports that may run at once; each holds one connection of the export pool for as long as
 *                          its client takes to read the file
 * @param connectionTimeout how long a new export waits for a free connection before it is refused with 503
 *                          {@code EXPORT_BUSY} (Hikari's minimum is 250 ms)
 * @param retryAfter        what the 503 tells the client in {@code Retry-After}
 */
@ConfigurationProperties("settlement.export")
record ExportProperties(@DefaultValue("2000") int fetchSize,
                        @DefaultValue("2") int poolSize,
                        @DefaultValue("500ms") Duration connectionTimeout,
                        @DefaultValue("30s") Duration retryAfter) {

    ExportProperties {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("settlement.export.fetch-size must be positive: " + fetchSize);
        }
        if (poolSize < 1 || poolSize > 5) {
            throw new IllegalArgumentException("settlement.export.pool-size must be within 1..5 (each export holds a "
                    + "database connection while its client reads): " + poolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("settlement.export.connection-timeout must be at least 250ms: "
                    + connectionTimeout);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("settlement.export.retry-after must be positive: " + retryAfter);
        }
    }
}
