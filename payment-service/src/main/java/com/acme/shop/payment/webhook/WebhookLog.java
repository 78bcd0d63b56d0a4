package com.acme.shop.payment.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code webhook_log}: every webhook as received (raw body and Toss's transmission headers) under a
 * unique key, and its processing state: RECEIVED -> PROCESSED | IGNORED | REFUSED, or FAILED after the
 * retry budget. Rows are claimed with a lease, so several instances can process them.
 */
@Repository
class WebhookLog {

    enum State { RECEIVED, PROCESSED, IGNORED, REFUSED, FAILED }

    record Entry(long id, String eventType, String orderId, String rawBody, int attempts) {
    }

    private final JdbcTemplate jdbc;

    WebhookLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery; returns its id, or empty when the same delivery was stored before (a duplicate). */
    Optional<Long> store(Webhook webhook, String remoteAddr, Instant now) {
        int inserted = jdbc.update("""
                INSERT IGNORE INTO webhook_log (dedup_key, event_type, transmission_id, transmission_time, retried_count,
                    order_id, payment_key, claimed_status, raw_body, remote_addr, state, next_attempt_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)""",
                webhook.dedupKey(), webhook.eventType(), webhook.transmissionId(), webhook.transmissionTime(),
                webhook.retriedCount(), webhook.orderId(), webhook.paymentKey(), webhook.status(), webhook.rawBody(),
                remoteAddr, Timestamp.from(now), Timestamp.from(now));
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.queryForObject("SELECT id FROM webhook_log WHERE dedup_key = ?", Long.class,
                webhook.dedupKey()));
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM webhook_log WHERE state = 'RECEIVED' AND next_attempt_at <= ? "
                + "ORDER BY id LIMIT ?", Long.class, Timestamp.from(now), limit);
    }

    /** Takes a lease on a due row and counts the attempt; empty when another worker has it or it is done. */
    Optional<Entry> lease(long id, Instant now, Instant leaseUntil) {
        int leased = jdbc.update("UPDATE webhook_log SET next_attempt_at = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND state = 'RECEIVED' AND next_attempt_at <= ?",
                Timestamp.from(leaseUntil), id, Timestamp.from(now));
        if (leased != 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("SELECT id, event_type, order_id, raw_body, attempts FROM webhook_log "
                + "WHERE id = ?", (rs, i) -> new Entry(rs.getLong("id"), rs.getString("event_type"),
                rs.getString("order_id"), rs.getString("raw_body"), rs.getInt("attempts")), id));
    }

    void finish(long id, State state, String outcome, Instant now) {
        jdbc.update("UPDATE webhook_log SET state = ?, outcome = ?, processed_at = ? WHERE id = ?",
                state.name(), truncate(outcome), Timestamp.from(now), id);
    }

    void retryAt(long id, Instant next, String outcome) {
        jdbc.update("UPDATE webhook_log SET next_attempt_at = ?, outcome = ? WHERE id = ?",
                Timestamp.from(next), truncate(outcome), id);
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
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
                stateName, stateName, orderId, orderId);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
