package com.acme.shop.payment;

import com.acme.shop.platform.jdbc.UtcTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A trail of refused attempts at a payment: confirms with a tampered amount, an unknown order, a malformed or reused
 * key; webhooks whose secret does not match.
 * Written in its own transaction so it survives the refusal, and logged under the {@code SECURITY} logger.
 */
@Component
public class SecurityEvents {

    private static final Logger security = LoggerFactory.getLogger("SECURITY");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SecurityEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A refused attempt as operators see it. */
    public record Event(String kind, String orderId, String detail, String remoteAddr, Instant createdAt) {
    }

    /** The refused attempts at one order, newest first (at most 200). */
    public List<Event> ofOrder(String orderId) {
        return jdbc.query("""
                SELECT kind, order_id, detail, remote_addr, created_at FROM security_event
                WHERE order_id = ? ORDER BY id DESC LIMIT 200""",
                (rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        UtcTime.read(rs, 5)), orderId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String kind, String orderId, String detail, String remoteAddr) {
        security.warn("{} order={} remote={} {}", kind, orderId, remoteAddr, detail);
        jdbc.update("INSERT INTO security_event (kind, order_id, detail, remote_addr, created_at) VALUES (?, ?, ?, ?, ?)",
                kind, orderId == null ? null : orderId.substring(0, Math.min(64, orderId.length())),
                detail.length() > 500 ? detail.substring(0, 500) : detail, remoteAddr, UtcTime.of(clock.instant()));
    }
}
