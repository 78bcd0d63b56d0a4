package com.acme.shop.payment.gateway;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

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

    /** Records the next attempt for the subject, in the caller's transaction, and returns its idempotency key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordNextAttempt(Kind kind, String orderId, String subjectId) {
        Integer last = jdbc.queryForObject(
                "SELECT MAX(attempt) FROM pg_request WHERE kind = ? AND idempotency_key LIKE ?",
                Integer.class, kind.name(), prefix(kind, subjectId) + "%");
        return record(kind, orderId, subjectId, last == null ? 1 : last + 1);
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

    /** What the PG answered to the request sent under {@code idempotencyKey}. */
    void recordOutcome(String idempotencyKey, String outcome, Integer httpStatus, String errorCode) {
        jdbc.update("UPDATE pg_request SET outcome = ?, http_status = ?, error_code = ?, completed_at = ? "
                + "WHERE idempotency_key = ?", outcome, httpStatus, errorCode, UtcTime.of(clock.instant()), idempotencyKey);
    }

    private static String prefix(Kind kind, String subjectId) {
        return kind.name().toLowerCase() + "-" + subjectId + "-";
    }
}
