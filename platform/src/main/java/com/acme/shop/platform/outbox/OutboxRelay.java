package com.acme.shop.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka, in id order, and marks each sent only after the broker
 * acknowledged it (producer acks=all, idempotence on).
 *
 * <p>A round claims unsent rows with {@code FOR UPDATE SKIP LOCKED} inside a short transaction, so two
 * instances never send the same row; a row whose send fails stays unsent (the round stops there, so
 * later events of the same order are not sent ahead of it) and is retried on the next round. A crash
 * after the broker acknowledged but before the commit resends the row: delivery is at least once and
 * consumers deduplicate on {@code eventId}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private Instant nextPurge = Instant.MIN;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks the relay to run a round now instead of at the next poll. Cheap; safe from any thread. */
    public void nudge() {
        wakeUp.release();
    }

    /**
     * Relays one batch. Returns how many rows were marked sent. Public so tests and operators can drive
     * the relay deterministically.
     */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<OutboxRow> rows = jdbc.query("""
                    SELECT id, event_id, event_type, topic, message_key, payload FROM outbox_event
                    WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("payload")),
                    properties.batchSize());
            // Send the whole batch at once and then collect acknowledgements in id order: one broker
            // round-trip per batch instead of per row. Rows are marked sent up to the first failure;
            // the failed row and all after it stay unsent and are retried in order next round.
            List<CompletableFuture<?>> acks = rows.stream().<CompletableFuture<?>>map(this::send).toList();
            int count = 0;
            for (int i = 0; i < rows.size(); i++) {
                OutboxRow row = rows.get(i);
                try {
                    acks.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("Outbox event {} ({}) not acknowledged by Kafka; will retry: {}", row.eventId(),
                            row.eventType(), e.toString());
                    jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                            truncate(e.toString()), row.id());
                    break;
                }
                jdbc.update("UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                        Timestamp.from(clock.instant()), row.id());
                count++;
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private CompletableFuture<?> send(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
        record.headers().add("eventId", row.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", row.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            // the producer can refuse synchronously (metadata not available within max.block.ms)
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Deletes sent rows older than the retention. Returns how many were deleted. */
    public int purgeSent() {
        Instant cutoff = clock.instant().minus(properties.retention());
        return jdbc.update("DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT 10000",
                Timestamp.from(cutoff));
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && relayOnce() == properties.batchSize()) {
                    // a full batch means there may be more: keep going without waiting
                }
                purgeIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // DB or broker trouble: the rows stay unsent; back off one poll interval and try again
                log.warn("Outbox relay round failed: {}", e.toString());
            }
        }
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(properties.purgeInterval());
            int purged = purgeSent();
            if (purged > 0) {
                log.info("Purged {} sent outbox rows older than {}", purged, properties.retention());
            }
        }
    }

    @Override
    public void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after Kafka and the database are up; stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private record OutboxRow(long id, String eventId, String eventType, String topic, String messageKey,
                             String payload) {
    }
}
