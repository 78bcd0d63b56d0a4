package com.acme.shop.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in {@code DATETIME(6)} columns are UTC wall time, whatever the JVM's or the server's zone: the same
 * convention Hibernate follows with {@code hibernate.jdbc.time_zone=UTC}. Plain JDBC binds and reads them through
 * here; {@code java.sql.Timestamp} would use the JVM's zone instead, and a host set to Asia/Seoul would then write
 * and compare times nine hours apart from Hibernate's.
 */
public final class UtcTime {

    private UtcTime() {
    }

    /** The value to bind for an instant (null stays null). */
    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Reads a column written by {@link #of} (or by Hibernate); null stays null. */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
