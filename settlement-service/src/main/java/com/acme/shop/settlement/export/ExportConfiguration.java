package com.acme.shop.settlement.export;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export pool: the same database and credentials as {@code spring.datasource.*}, at most
 * {@code settlement.export.pool-size} connections (2), none kept idle, read-only, and a short wait for a free one.
 * Not a {@code DataSource} bean, so Spring Boot's own pool stays the application's one. Its metrics are
 * {@code hikaricp.connections.*{pool="settlement-export"}}.
 */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    static final String POOL_NAME = "settlement-export";

    @Bean(destroyMethod = "close")
    ExportConnections exportConnections(DataSourceProperties dataSource, ExportProperties export,
                                        ObjectProvider<MeterRegistry> meters) {
        HikariDataSource pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName(POOL_NAME);
        pool.setMaximumPoolSize(export.poolSize());
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(export.connectionTimeout().toMillis());
        pool.setReadOnly(true);
        meters.ifAvailable(registry -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        return new ExportConnections(pool, export.retryAfter());
    }
}
