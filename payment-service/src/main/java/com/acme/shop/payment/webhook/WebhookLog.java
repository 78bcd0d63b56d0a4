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
class WebhookLog {

    enum State { RECEIVED, PROCESSED, IGNORED, REFUSED, FAILED }

    record Entry(long id, String eventType, String orderId, String rawBody) {
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
        return jdbc.query("SELECT id, event_type, order_id, raw_body FROM webhook_log WHERE id = ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), id)
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

    record View(long id, String eventType, String orderId, String state, String outcome, int attempts,
                String transmissionId, Instant receivedAt) {
    }

    /** The latest 200 webhooks in a state and/or of an order (null = any). */
    List<View> list(State state, String orderId) {
        String stateName = state == null ? null : state.name();
        return jdbc.query("""
                SELECT id, event_type, order_id, state, outcome, attempts, transmission_id, received_at FROM webhook_log
                WHERE (? IS NULL OR state = ?) AND (? IS NULL OR order_id = ?) ORDER BY id DESC LIMIT 200""",
                (rs, i) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), UtcTime.read(rs, 8)),
                stateName, stateName, orderId, orderId);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
