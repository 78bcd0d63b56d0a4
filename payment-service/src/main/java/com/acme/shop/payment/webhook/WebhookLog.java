package com.acme.shop.payment.webhook;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code webhook_log}: every webhook as received (raw body and the PG's transmission headers) under a unique key,
 * and its processing state: RECEIVED -> PROCESSED | IGNORED | REFUSED, or FAILED when automatic processing gave up.
 * The RECEIVED rows are the {@code webhook} queue of the job runner ({@link WebhookJob}).
 */
@Repository
public class WebhookLog {

    public enum State { RECEIVED, PROCESSED, IGNORED, REFUSED, FAILED }

    record Entry(long id, String eventType, String orderId, String rawBody, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    WebhookLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery; returns its id, or empty when the same delivery was stored before (a duplicate). */
    Optional<Long> store(Webhook webhook, String remoteAddr, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        PreparedStatementCreator insert = connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT IGNORE INTO webhook_log (dedup_key, event_type, transmission_id, transmission_time,
                        retried_count, order_id, payment_key, claimed_status, raw_body, remote_addr, state,
                        next_attempt_at, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            Object[] values = {webhook.dedupKey(), webhook.eventType(), webhook.transmissionId(),
                    webhook.transmissionTime(), webhook.retriedCount(), webhook.orderId(), webhook.paymentKey(),
                    webhook.status(), webhook.rawBody(), remoteAddr, UtcTime.of(now), UtcTime.of(now)};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        };
        if (jdbc.update(insert, key) == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(key.getKey()).map(Number::longValue);
    }

    Optional<Entry> find(long id) {
        return jdbc.query("SELECT id, event_type, order_id, raw_body, received_at FROM webhook_log WHERE id = ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        UtcTime.read(rs, 5)), id)
                .stream().findFirst();
    }

    void finish(long id, State state, String outcome, Instant now) {
        jdbc.update("UPDATE webhook_log SET state = ?, outcome = ?, processed_at = ? WHERE id = ?",
                state.name(), truncate(outcome), UtcTime.of(now), id);
    }

    /**
     * Webhooks of an order received before {@code readStartedAt}, still waiting: the read of the PG that began then
     * answers them too, so they are finished with it instead of each asking the PG again. Returns how many.
     */
    int coverEarlier(String orderId, long readFor, Instant readStartedAt, String outcome, Instant now) {
        return jdbc.update("""
                UPDATE webhook_log SET state = 'PROCESSED', outcome = ?, processed_at = ?
                WHERE order_id = ? AND state = 'RECEIVED' AND id <> ? AND received_at <= ?""",
                truncate(outcome), UtcTime.of(now), orderId, readFor, UtcTime.of(readStartedAt));
    }

    void retryAt(long id, Instant next, String outcome) {
        jdbc.update("UPDATE webhook_log SET next_attempt_at = ?, outcome = ? WHERE id = ? AND state = 'RECEIVED'",
                UtcTime.of(next), truncate(outcome), id);
    }

    /** A stored webhook as operators see it; {@code rawBody} only when one webhook is read. */
    public record View(long id, String eventType, String orderId, String paymentKey, String claimedStatus,
                       String state, String outcome, int attempts, String transmissionId, Integer retriedCount,
                       String remoteAddr, Instant receivedAt, Instant processedAt, String rawBody) {
    }

    private static final String VIEW_COLUMNS = "id, event_type, order_id, payment_key, claimed_status, state, outcome, "
            + "attempts, transmission_id, retried_count, remote_addr, received_at, processed_at";

    private static View view(java.sql.ResultSet rs, boolean withBody) throws java.sql.SQLException {
        return new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getObject(10, Integer.class),
                rs.getString(11), UtcTime.read(rs, 12), UtcTime.read(rs, 13), withBody ? rs.getString(14) : null);
    }

    /** The latest 200 webhooks in a state and/or of an order (null = any). */
    public List<View> list(State state, String orderId) {
        String stateName = state == null ? null : state.name();
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM webhook_log "
                        + "WHERE (? IS NULL OR state = ?) AND (? IS NULL OR order_id = ?) ORDER BY id DESC LIMIT 200",
                (rs, i) -> view(rs, false), stateName, stateName, orderId, orderId);
    }

    /** One webhook with the body as it was received. */
    public Optional<View> view(long id) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + ", raw_body FROM webhook_log WHERE id = ?",
                (rs, i) -> view(rs, true), id).stream().findFirst();
    }

    /** How many webhooks are in a state (the console's queue counts). */
    public long count(State state) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_log WHERE state = ?", Long.class, state.name());
        return n == null ? 0 : n;
    }

    /**
     * Sends a finished webhook back to the queue for one more processing, as an operator asked; false when it is not
     * in a state that allows it (still queued, or processed).
     */
    boolean reopen(long id, String outcome, Instant now) {
        return jdbc.update("""
                UPDATE webhook_log SET state = 'RECEIVED', attempts = 0, next_attempt_at = ?, outcome = ?, processed_at = NULL
                WHERE id = ? AND state IN ('REFUSED', 'FAILED', 'IGNORED')""", UtcTime.of(now), truncate(outcome), id) == 1;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
