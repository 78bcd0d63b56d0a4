package com.acme.shop.payment.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code pg_request}: every request to the PG, recorded with its Idempotency-Key before it is sent.
 * Keys are derived from our own ids: {@code confirm-<orderId>-<attempt>}, {@code cancel-<requestId>-<attempt>}.
 */
@Repository
public class PgRequests {

    public enum Kind { CONFIRM, CANCEL }

    private final JdbcTemplate jdbc;

    PgRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the next attempt for the subject and returns its idempotency key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordNextAttempt(Kind kind, String orderId, String subjectId, Instant now) {
        Integer last = jdbc.queryForObject(
                "SELECT MAX(attempt) FROM pg_request WHERE kind = ? AND idempotency_key LIKE ?",
                Integer.class, kind.name(), prefix(kind, subjectId) + "%");
        return record(kind, orderId, subjectId, last == null ? 1 : last + 1, now);
    }

    /**
     * Records attempt 1 for a subject that cannot have one yet (a confirm whose order was bound to its paymentKey
     * in this same transaction), without looking. Were that ever wrong, the unique key refuses the insert and the
     * transaction fails: never a second request under an old key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordFirstAttempt(Kind kind, String orderId, String subjectId, Instant now) {
        return record(kind, orderId, subjectId, 1, now);
    }

    private String record(Kind kind, String orderId, String subjectId, int attempt, Instant now) {
        String key = prefix(kind, subjectId) + attempt;
        jdbc.update("INSERT INTO pg_request (idempotency_key, kind, order_id, attempt, created_at) VALUES (?, ?, ?, ?, ?)",
                key, kind.name(), orderId, attempt, Timestamp.from(now));
        return key;
    }

    public void recordOutcome(String idempotencyKey, String outcome, Integer httpStatus, String errorCode, Instant now) {
        jdbc.update("UPDATE pg_request SET outcome = ?, http_status = ?, error_code = ?, completed_at = ? "
                + "WHERE idempotency_key = ?", outcome, httpStatus, errorCode, Timestamp.from(now), idempotencyKey);
    }

    private static String prefix(Kind kind, String subjectId) {
        return kind.name().toLowerCase() + "-" + subjectId + "-";
    }
}
