package com.acme.shop.testsupport.security;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What "nothing changed" means for a service under test: a value taken before and after a refused request, which must
 * be equal ({@link Object#equals}). The usual one is {@link #rowCounts}: the number of rows of each of the service's
 * tables; add {@link #and queries} for state that changes without new rows (a product's stock).
 */
@FunctionalInterface
public interface StateSnapshot {

    /** Nothing to compare: for probes that only look at the answers. */
    StateSnapshot NONE = () -> "";

    Object take();

    /** {@code SELECT COUNT(*)} of each table, in one connection. */
    static StateSnapshot rowCounts(DataSource dataSource, String... tables) {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        for (String table : tables) {
            if (!name.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        List<String> queries = new ArrayList<>();
        for (String table : tables) {
            queries.add("SELECT COUNT(*) FROM " + table);
        }
        return new Queries(dataSource, List.copyOf(java.util.Arrays.asList(tables)), queries);
    }

    /** This snapshot plus the full result of {@code sql} (keep it small and ordered: {@code ORDER BY}). */
    default StateSnapshot and(DataSource dataSource, String label, String sql) {
        StateSnapshot first = this;
        Queries more = new Queries(dataSource, List.of(label), List.of(sql));
        return () -> List.of(first.take(), more.take());
    }

    /**
     * Waits until two snapshots {@code interval} apart are equal (at most {@code atMost}), so a suite does not start
     * while a Kafka listener is still applying an earlier test's events; returns the last snapshot.
     */
    default Object awaitStable(Duration interval, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Object previous = take();
        while (true) {
            sleep(interval);
            Object current = take();
            if (Objects.equals(previous, current) || System.nanoTime() > deadline) {
                return current;
            }
            previous = current;
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Labelled query results: label to rows, each row a list of column values. */
    record Queries(DataSource dataSource, List<String> labels, List<String> sql) implements StateSnapshot {

        @Override
        public Object take() {
            Map<String, List<List<Object>>> results = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (int i = 0; i < sql.size(); i++) {
                    List<List<Object>> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery(sql.get(i))) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>(columns);
                            for (int c = 1; c <= columns; c++) {
                                Object value = rs.getObject(c);
                                // COUNT(*) is a Long on one driver and a BigInteger or Integer on another: compare whole numbers as longs
                                row.add(value instanceof Integer || value instanceof Long || value instanceof Short
                                        || value instanceof java.math.BigInteger ? ((Number) value).longValue() : value);
                            }
                            rows.add(row);
                        }
                    }
                    results.put(labels.get(i), rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not take the state snapshot", e);
            }
            return results;
        }
    }
}
