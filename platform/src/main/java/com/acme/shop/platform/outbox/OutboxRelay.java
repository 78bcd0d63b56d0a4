package com.acme.shop.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to Kafka, in id order, and marks each sent only after the broker
 * acknowledged it (producer acks=all, idempotence on).
 *
 * <p>A round claims unsent rows with {@code FOR UPDATE SKIP LOCKED} inside a short READ COMMITTED
 * transaction, so two instances never send the same row and appends are never blocked by a round; a row
 * whose send fails stays unsent (the round stops there) and is retried on the next round. A later event of
 * a key is never sent before an earlier one: one row per key in flight at a time, and a row whose key has
 * an earlier unsent row claimed by another instance waits. A crash after the broker acknowledged but
 * before the commit resends the row: delivery is at least once and consumers deduplicate on
 * {@code eventId}. See docs/saga.md, "Outbox".
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxTracing tracing;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong nudges = new AtomicLong();
    /** False once a round claimed nothing and no commit nudged since: nothing this instance wrote waits. */
    private volatile boolean maybeUnsent = true;
    private volatile int lastClaimed;
    private volatile boolean running;
    private volatile Thread worker;
    private Instant nextPurge = Instant.MIN;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, Clock clock) {
        this(jdbc, tx, kafka, properties, clock, OutboxTracing.NONE);
    }

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, Clock clock, OutboxTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        // The claim runs in READ COMMITTED whatever the service's default: under REPEATABLE READ (InnoDB's
        // default) its locking read also locks the gap after the last unsent row, so every business
        // transaction appending an event waited for the relay's round to end, for seconds while the broker
        // is down (found by OutboxRelayConcurrencyIT.aRoundStuckOnTheBrokerNeitherWaitsPerRowNorBlocksAppends).
        this.tx = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager(), "transactionManager"), tx);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks the relay to run a round now instead of at the next poll. Cheap; safe from any thread. */
    public void nudge() {
        nudges.incrementAndGet();
        maybeUnsent = true;
        wakeUp.release();
    }

    /**
     * Relays one batch. Returns how many rows were marked sent. Public so tests and operators can drive
     * the relay deterministically.
     */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<OutboxRow> rows = claim();
            lastClaimed = rows.size();
            // Send in id order without waiting for each acknowledgement (one broker round-trip for many
            // rows), but (a) never with two rows of one key in flight: a later row of a key is sent only
            // after the earlier one was acknowledged, so a failure can never let it overtake; and (b) stop
            // sending at the first send the producer refuses at once (no metadata within max.block.ms, record
            // too large), instead of blocking max.block.ms per row of the batch with the claim held.
            // Rows are marked sent up to the first failure; the failed row and all after it stay unsent and
            // are retried in order next round (an acknowledged one after it is then sent again: a duplicate
            // with the same eventId, which the inbox absorbs).
            List<OutboxRow> inFlight = new ArrayList<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            Set<String> keysInFlight = new HashSet<>();
            int marked = 0;
            for (OutboxRow row : rows) {
                if (!keysInFlight.add(row.topic() + ' ' + row.messageKey())) {
                    int settled = markAcknowledged(inFlight, acks);
                    marked += settled;
                    if (settled < inFlight.size()) {
                        return marked;
                    }
                    inFlight.clear();
                    acks.clear();
                    keysInFlight.clear();
                    keysInFlight.add(row.topic() + ' ' + row.messageKey());
                }
                CompletableFuture<?> ack = send(row);
                inFlight.add(row);
                acks.add(ack);
                if (ack.isCompletedExceptionally()) {
                    break;
                }
            }
            return marked + markAcknowledged(inFlight, acks);
        });
        return sent == null ? 0 : sent;
    }

    /**
     * Claims up to a batch of unsent rows in id order. Rows another instance holds are skipped (SKIP LOCKED),
     * and so is any claimed row whose key has an earlier unsent row outside this claim: that row is being
     * sent by another instance (or was given back after a failure) and ours must not overtake it. Our rows
     * of such a key stay unsent for a later round.
     */
    private List<OutboxRow> claim() {
        List<OutboxRow> rows = jdbc.query("""
                SELECT id, event_id, event_type, topic, message_key, payload, traceparent FROM outbox_event
                WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                        rs.getString("traceparent")),
                properties.batchSize());
        if (rows.isEmpty()) {
            return rows;
        }
        String ids = String.join(",", rows.stream().map(r -> "?").toList());
        Object[] args = new Object[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) {
            args[i] = rows.get(i).id();
            args[rows.size() + i] = rows.get(i).id();
        }
        Set<Long> overtaking = new HashSet<>(jdbc.queryForList("""
                SELECT o.id FROM outbox_event o WHERE o.id IN (%s) AND EXISTS (
                    SELECT 1 FROM outbox_event e WHERE e.message_key = o.message_key AND e.topic = o.topic
                    AND e.sent_at IS NULL AND e.id < o.id AND e.id NOT IN (%s))""".formatted(ids, ids),
                Long.class, args));
        return overtaking.isEmpty() ? rows : rows.stream().filter(r -> !overtaking.contains(r.id())).toList();
    }

    /**
     * Waits for the acknowledgements in order; marks rows sent up to the first failure, in one statement.
     * Returns how many.
     */
    private int markAcknowledged(List<OutboxRow> rows, List<CompletableFuture<?>> acks) {
        int acknowledged = 0;
        String failure = null;
        for (; acknowledged < rows.size(); acknowledged++) {
            try {
                acks.get(acknowledged).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = describe(e);
                break;
            }
        }
        if (acknowledged > 0) {
            List<OutboxRow> sent = rows.subList(0, acknowledged);
            Object[] args = new Object[sent.size() + 1];
            args[0] = Timestamp.from(clock.instant());
            for (int i = 0; i < sent.size(); i++) {
                args[i + 1] = sent.get(i).id();
            }
            jdbc.update("UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1 WHERE id IN ("
                    + String.join(",", Collections.nCopies(sent.size(), "?")) + ")", args);
        }
        if (failure != null) {
            OutboxRow row = rows.get(acknowledged);
            log.warn("Outbox event {} ({}) not acknowledged by Kafka; will retry: {}", row.eventId(),
                    row.eventType(), failure);
            jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                    truncate(failure), row.id());
        }
        return acknowledged;
    }

    /**
     * The innermost cause ("RecordTooLargeException: ...", "TimeoutException: ... not present in metadata"),
     * not the wrappers ("ExecutionException: KafkaException: Send failed"), so last_error says what is wrong.
     */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : cause + " (" + e.getClass().getSimpleName() + ")";
    }

    private CompletableFuture<?> send(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
        record.headers().add("eventId", row.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", row.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            // inside the trace of the request that wrote the row: the producer observation puts its traceparent on
            // the record, so the consumers' spans join that trace
            return tracing.within(row.traceparent(), row.eventType(), () -> kafka.send(record));
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
                long nudgesBefore = nudges.get();
                boolean ran = false;
                while (running) {
                    ran = true;
                    if (relayOnce() < properties.batchSize()) {
                        break;
                    }
                    // a full batch means there may be more: keep going without waiting
                }
                if (ran && lastClaimed == 0 && nudges.get() == nudgesBefore) {
                    maybeUnsent = false;
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
        maybeUnsent = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    /**
     * Stops polling and drains, within {@code drain-timeout} in all (plus a second): the round in progress may finish
     * (it is interrupted only when the budget runs out: its acknowledged rows are still marked, the rest resent
     * later), then rounds run until every committed row is sent or the budget is spent. What is left (the broker is
     * down, the backlog is too large) stays unsent for the next instance: nothing is lost either way.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + properties.drainTimeout().toNanos();
        Thread t = worker;
        if (t != null) {
            wakeUp.release();
            try {
                t.join(Math.max(1, properties.drainTimeout().toMillis()));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!maybeUnsent) {
            // the last round found nothing and nothing was committed since: no database work at shutdown
            return;
        }
        // on a thread of its own, so that a database or broker that does not answer (waiting for a connection takes
        // the pool's connection timeout) cannot hold the shutdown past the budget
        Thread drainer = Thread.ofPlatform().name("outbox-drain").daemon(true).start(() -> drain(deadline));
        try {
            drainer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            drainer.interrupt();
            log.warn("Outbox drain did not finish within {}; what is unsent stays for the next instance",
                    properties.drainTimeout());
        }
    }

    private void drain(long deadline) {
        int drained = 0;
        try {
            int sent;
            while (System.nanoTime() < deadline && (sent = relayOnce()) > 0) {
                drained += sent;
            }
            Long left = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
            if (drained > 0 || (left != null && left > 0)) {
                log.info("Outbox relay stopped: {} events sent while draining, {} left unsent for the next instance",
                        drained, left);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox drain at shutdown stopped after {} events; the rest stay unsent for the next instance: {}",
                    drained, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops late, so the drain sends what the last work committed: after the Kafka listener containers (DEFAULT_PHASE
     * - 100) stopped consuming, the web server's graceful shutdown (DEFAULT_PHASE - 1024) let in-flight confirms
     * finish and the job runner (DEFAULT_PHASE - 4096) let in-flight refunds and webhook attempts finish; before the
     * producer factory (Integer.MIN_VALUE) closes, and before the data source, which is a bean, not a phase.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private record OutboxRow(long id, String eventId, String eventType, String topic, String messageKey,
                             String payload, String traceparent) {
    }
}
