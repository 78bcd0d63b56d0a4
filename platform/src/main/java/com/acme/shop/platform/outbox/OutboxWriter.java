package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists if and only if
 * the state change it announces was committed. The relay is nudged after commit; its polling loop
 * picks the row up anyway if the nudge is lost (crash between commit and nudge). The row keeps the trace context of
 * the work that wrote it ({@link OutboxTracing}), so the event's consumers join that trace.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, Clock clock, OutboxRelay relay) {
        this(jdbc, codec, clock, relay, OutboxTracing.NONE);
    }

    public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, Clock clock, OutboxRelay relay, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
        this.tracing = tracing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope<?> event) {
        jdbc.update("""
                INSERT INTO outbox_event (event_id, event_type, topic, message_key, payload, created_at, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.eventId().toString(), event.eventType().name(), event.topic(), event.orderId(),
                codec.encode(event), Timestamp.from(clock.instant()), tracing.currentTraceparent());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.nudge();
                }
            });
        }
    }
}
