package com.acme.shop.admin.audit;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code audit_log}, append-only: this class is the only code that touches it, and it has two kinds of
 * statement, one INSERT and SELECTs. Nothing here or anywhere else updates or deletes a row
 * ({@code AuditLogAppendOnlyTest} checks the whole code base for such a statement).
 */
@Repository
class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_log (occurred_at, username, action, target, outcome, problem_code, reason, before_state,
                                   after_state, client_address)
            VALUES (:occurredAt, :username, :action, :target, :outcome, :problemCode, :reason, :before, :after,
                    :clientAddress)""";
    private static final String SELECT = """
            SELECT id, occurred_at, username, action, target, outcome, problem_code, reason, before_state, after_state,
                   client_address
            FROM audit_log""";
    private static final RowMapper<AuditEntry> ROW = (rs, n) -> new AuditEntry(rs.getLong("id"),
            UtcTime.read(rs, "occurred_at"), rs.getString("username"), AuditAction.valueOf(rs.getString("action")),
            rs.getString("target"), AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("problem_code"),
            rs.getString("reason"), rs.getString("before_state"), rs.getString("after_state"),
            rs.getString("client_address"));

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row and returns its id. */
    long append(Instant occurredAt, String username, AuditAction action, String target, AuditOutcome outcome,
                String problemCode, String reason, String before, String after, String clientAddress) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("occurredAt", UtcTime.of(occurredAt)).param("username", username)
                .param("action", action.name()).param("target", target).param("outcome", outcome.name())
                .param("problemCode", problemCode).param("reason", reason).param("before", before)
                .param("after", after).param("clientAddress", clientAddress)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Newest first, at most {@code limit} rows. */
    List<AuditEntry> find(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(UtcTime.of(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(UtcTime.of(filter.until()));
        }
        if (filter.username() != null) {
            sql.append(" AND username = ?");
            params.add(filter.username());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action().name());
        }
        if (filter.target() != null) {
            sql.append(" AND target = ?");
            params.add(filter.target());
        }
        if (filter.before() != null) {
            sql.append(" AND id < ?");
            params.add(filter.before());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    List<AuditEntry> ofTarget(String target, int limit) {
        return jdbc.sql(SELECT + " WHERE target = :target ORDER BY id DESC LIMIT " + limit).param("target", target)
                .query(ROW).list();
    }
}
