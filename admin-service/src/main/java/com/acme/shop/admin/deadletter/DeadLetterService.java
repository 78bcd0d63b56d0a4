package com.acme.shop.admin.deadletter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the dead letters and replays them.
 *
 * <p>A replay publishes the original key and value (and the {@code eventId}/{@code eventType} headers) to the
 * original topic, waits for the broker's acknowledgement and marks the dead letter REPLAYED, all while holding
 * the row lock: two operators replaying at once publish once, a second replay answers 409, and a replay Kafka
 * did not acknowledge leaves the dead letter NEW. Every consumer group of the original topic sees the replayed
 * record; those that had applied the event already skip it through their inbox ({@code (consumer, eventId)}),
 * so a replay never applies twice, even if the record is published again by other means.
 */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final DeadLetters deadLetters;
    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;

    DeadLetterService(DeadLetters deadLetters, KafkaTemplate<String, String> kafka, Clock clock) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Stores a record of a dead-letter topic; a redelivered one (same topic, partition, offset) changes nothing. */
    @Transactional
    void receive(DeadLetterRecord record) {
        if (deadLetters.existsByTopicAndDltPartitionAndDltOffset(record.topic(), record.partition(), record.offset())) {
            return;
        }
        DeadLetter deadLetter = deadLetters.save(DeadLetter.received(record, clock.instant()));
        log.warn("Dead letter {} from {}-{}@{} (key {}, group {}): {}: {}", deadLetter.id(), record.originalTopic(),
                record.originalPartition(), record.originalOffset(), record.key(), record.originalConsumerGroup(),
                record.exceptionClass(), record.exceptionMessage());
    }

    @Transactional(readOnly = true)
    public List<DeadLetterView> latest(DeadLetterStatus status, String topic, String key, int limit) {
        return deadLetters.latest(status, topic, key, PageRequest.of(0, limit)).stream().map(DeadLetter::view).toList();
    }

    @Transactional(readOnly = true)
    public DeadLetterView deadLetter(long id) {
        return deadLetters.findById(id).map(DeadLetter::view).orElseThrow(() -> new DeadLetterProblems.NotFound(id));
    }

    /** How many dead letters are in the status: the review queue's count. */
    @Transactional(readOnly = true)
    public long count(DeadLetterStatus status) {
        return deadLetters.countByStatus(status);
    }

    @Transactional
    public DeadLetterView replay(long id, String operator) {
        DeadLetter deadLetter = deadLetters.lockById(id).orElseThrow(() -> new DeadLetterProblems.NotFound(id));
        deadLetter.markReplayed(operator, clock.instant()); // 409 when replayed before
        String whyNot = deadLetter.whyNotReplayable();
        if (whyNot != null) {
            throw new DeadLetterProblems.NotReplayable(id, whyNot);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(deadLetter.originalTopic(), deadLetter.key(),
                deadLetter.value());
        if (deadLetter.eventId() != null) {
            record.headers().add("eventId", deadLetter.eventId().getBytes(StandardCharsets.UTF_8));
        }
        if (deadLetter.eventType() != null) {
            record.headers().add("eventType", deadLetter.eventType().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterProblems.ReplayFailed(id, deadLetter.originalTopic(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterProblems.ReplayFailed(id, deadLetter.originalTopic(), e);
        }
        log.info("Dead letter {} (key {}, event {}) replayed to {} by {}", id, deadLetter.key(), deadLetter.eventId(),
                deadLetter.originalTopic(), operator);
        return deadLetter.view();
    }
}
