package com.acme.shop.platform.inbox;

import com.acme.shop.contracts.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Consumer-side deduplication. Call {@link #firstDelivery} in the same transaction as the effect of the
 * event: it records {@code (consumer, eventId)} and answers whether this is the first time, so a
 * redelivered event (consumer died after commit and before the offset commit) changes nothing.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Inbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope<?> event) {
        int inserted = jdbc.update("""
                INSERT IGNORE INTO inbox_event (consumer, event_id, event_type, order_id, processed_at)
                VALUES (?, ?, ?, ?, ?)""",
                consumer, event.eventId().toString(), event.eventType().name(), event.orderId(),
                Timestamp.from(clock.instant()));
        return inserted == 1;
    }
}
