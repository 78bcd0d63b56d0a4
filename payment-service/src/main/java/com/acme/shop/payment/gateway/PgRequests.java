package com.acme.shop.payment.gateway;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code pg_request}, and its only writer: every request to the PG, recorded with its Idempotency-Key before it is
 * sent, and what the PG answered. Keys are derived from our own ids, {@code confirm-<orderId>-<attempt>} and
 * {@code cancel-<requestId>-<attempt>}, so a re-send after a crash can be traced to its first attempt
 * (docs/toss-api.md, section 6).
 */
@Repository
public class PgRequests {

    public enum Kind { CONFIRM, CANCEL }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PgRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many requests were recorded (sent, or about to be) for the subject: 0 when it never reached the PG. */
    public int attempts(Kind kind, String subjectId) {
        // exactly <prefix><digits>: subject ids may contain '_' (a LIKE wildcard) or extend one another (order "a" and
        // order "a-b" both have keys starting "confirm-a-")
        String prefix = prefix(kind, subjectId);
        Integer last = jdbc.queryForObject("""
                SELECT MAX(attempt) FROM pg_request
                WHERE kind = ? AND idempotency_key LIKE ? ESCAPE '!'
                  AND SUBSTRING(idempotency_key, ?) REGEXP '^[0-9]+$'""",
                Integer.class, kind.name(), likePrefix(prefix), prefix.length() + 1);
        return last == null ? 0 : last;
    }

    /** Records the next attempt for the subject, in the caller's transaction, and returns its idempotency key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordNextAttempt(Kind kind, String orderId, String subjectId) {
        return record(kind, orderId, subjectId, attempts(kind, subjectId) + 1);
    }

    /** Records the next attempt in a transaction of its own (before a PG call, which runs outside any). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String recordNextAttemptNow(Kind kind, String orderId, String subjectId) {
        return recordNextAttempt(kind, orderId, subjectId);
    }

    /**
     * Records attempt 1 for a subject that cannot have one yet (a confirm whose order was bound to its paymentKey
     * in this same transaction), without looking. Where an earlier confirm of the order was sent under a key the PG did
     * not know (and the binding undone), the unique key refuses the insert with a DuplicateKeyException, which leaves
     * the caller's transaction to the caller: never a second request under an old key.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DuplicateKeyException.class)
    public String recordFirstAttempt(Kind kind, String orderId, String subjectId) {
        return record(kind, orderId, subjectId, 1);
    }

    private String record(Kind kind, String orderId, String subjectId, int attempt) {
        String key = prefix(kind, subjectId) + attempt;
        jdbc.update("INSERT INTO pg_request (idempotency_key, kind, order_id, attempt, created_at) VALUES (?, ?, ?, ?, ?)",
                key, kind.name(), orderId, attempt, UtcTime.of(clock.instant()));
        return key;
    }

    /** A request to the PG as operators see it. */
    public record Sent(String kind, int attempt, String idempotencyKey, String outcome, Integer httpStatus,
                       String errorCode, Instant createdAt, Instant completedAt) {
    }

    /** Every request sent to the PG for an order, in the order they were made. */
    public List<Sent> ofOrder(String orderId) {
        return jdbc.query("""
                SELECT kind, attempt, idempotency_key, outcome, http_status, error_code, created_at, completed_at
                FROM pg_request WHERE order_id = ? ORDER BY id""",
                (rs, i) -> new Sent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Integer.class), rs.getString(6), UtcTime.read(rs, 7), UtcTime.read(rs, 8)),
                orderId);
    }

    /** What the PG answered to the request sent under {@code idempotencyKey}. */
    void recordOutcome(String idempotencyKey, String outcome, Integer httpStatus, String errorCode) {
        jdbc.update("UPDATE pg_request SET outcome = ?, http_status = ?, error_code = ?, completed_at = ? "
                + "WHERE idempotency_key = ?", outcome, httpStatus, errorCode, UtcTime.of(clock.instant()), idempotencyKey);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String prefix(Kind kind, String subjectId) {
        return kind.name().toLowerCase() + "-" + subjectId + "-";
    }
}
