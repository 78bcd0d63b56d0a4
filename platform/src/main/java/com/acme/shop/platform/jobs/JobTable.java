package com.acme.shop.platform.jobs;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which rows of a service's table are the jobs of a queue, and the columns the runner reads and writes. A row is
 * due when its state is one of {@code openStates} and {@code nextAttemptColumn <= now}; a lease moves that column
 * to the lease's end and counts the attempt, so a leased row is simply not due. The domain's own columns stay the
 * domain's: the runner never writes the state, only the handler does ({@link DurableJob#retryAt},
 * {@link DurableJob#park}).
 *
 * @param versionColumn the JPA {@code @Version} column, bumped by a lease so an entity loaded before it cannot
 *                      overwrite it; null for tables without one
 */
public record JobTable(String table, String idColumn, String stateColumn, List<String> openStates,
                       String parkedState, String nextAttemptColumn, String attemptsColumn, String versionColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern STATE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public JobTable {
        openStates = List.copyOf(openStates);
        for (String identifier : List.of(table, idColumn, stateColumn, nextAttemptColumn, attemptsColumn)) {
            require(IDENTIFIER, identifier);
        }
        if (versionColumn != null) {
            require(IDENTIFIER, versionColumn);
        }
        openStates.forEach(s -> require(STATE, s));
        require(STATE, parkedState);
        if (openStates.isEmpty()) {
            throw new IllegalArgumentException("a job table needs at least one open state");
        }
    }

    private static void require(Pattern pattern, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier or state: " + value);
        }
    }

    private String open() {
        return stateColumn + " IN (" + openStates.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + ")";
    }

    /** Parameters: now, limit. Columns: id, attempts. */
    String dueSql() {
        return "SELECT " + idColumn + ", " + attemptsColumn + " FROM " + table + " WHERE " + open() + " AND "
                + nextAttemptColumn + " <= ? ORDER BY " + nextAttemptColumn + " LIMIT ?";
    }

    /**
     * Parameters: lease end, id, attempts seen, now. Compare-and-set on the attempt count, so of two instances that
     * saw the same due row exactly one gets it, and the winner knows its attempt number without reading the row.
     */
    String leaseSql() {
        return "UPDATE " + table + " SET " + nextAttemptColumn + " = ?, " + attemptsColumn + " = " + attemptsColumn
                + " + 1" + (versionColumn == null ? "" : ", " + versionColumn + " = " + versionColumn + " + 1")
                + " WHERE " + idColumn + " = ? AND " + attemptsColumn + " = ? AND " + open() + " AND "
                + nextAttemptColumn + " <= ?";
    }

    /** Parameters: id, the attempt count the lease set. Gives a lease's attempt back (a job that only waited). */
    String giveBackAttemptSql() {
        return "UPDATE " + table + " SET " + attemptsColumn + " = " + attemptsColumn + " - 1 WHERE " + idColumn
                + " = ? AND " + attemptsColumn + " = ? AND " + open();
    }

    /** Parameter: now. Columns: due count, the oldest due time. */
    String dueStatsSql() {
        return "SELECT COUNT(*), MIN(" + nextAttemptColumn + ") FROM " + table + " WHERE " + open() + " AND "
                + nextAttemptColumn + " <= ?";
    }

    String parkedCountSql() {
        return "SELECT COUNT(*) FROM " + table + " WHERE " + stateColumn + " = '" + parkedState + "'";
    }
}
