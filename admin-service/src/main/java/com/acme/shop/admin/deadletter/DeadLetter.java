package com.acme.shop.admin.deadletter;

import com.acme.shop.contracts.Topics;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A record some consumer could not process, as it arrived on a dead-letter topic: the original key and value,
 * its origin (original topic, partition, offset, consumer group) and cause (exception class and message) from
 * spring-kafka's dead-letter headers. NEW until an operator replays it, then REPLAYED.
 */
@Entity
@Table(name = "dead_letter")
class DeadLetter {

    /** The only topics a dead letter may be replayed to. */
    static final Set<String> REPLAYABLE_TOPICS = Set.of(Topics.PAYMENT_EVENTS, Topics.ORDER_EVENTS);

    static final int MESSAGE_LENGTH = 4000;
    static final int OPERATOR_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "topic", nullable = false, updatable = false)
    private String topic;

    @Column(name = "dlt_partition", nullable = false, updatable = false)
    private int dltPartition;

    @Column(name = "dlt_offset", nullable = false, updatable = false)
    private long dltOffset;

    @Column(name = "message_key", updatable = false)
    private String messageKey;

    @Column(name = "payload", updatable = false, columnDefinition = "LONGTEXT")
    private String payload;

    @Column(name = "event_id", updatable = false)
    private String eventId;

    @Column(name = "event_type", updatable = false)
    private String eventType;

    @Column(name = "original_topic", updatable = false)
    private String originalTopic;

    @Column(name = "original_partition", updatable = false)
    private Integer originalPartition;

    @Column(name = "original_offset", updatable = false)
    private Long originalOffset;

    @Column(name = "original_consumer_group", updatable = false)
    private String originalConsumerGroup;

    @Column(name = "exception_class", updatable = false)
    private String exceptionClass;

    @Column(name = "exception_message", updatable = false, length = MESSAGE_LENGTH)
    private String exceptionMessage;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false)
    private DeadLetterStatus status;

    @Column(name = "replayed_at")
    private Instant replayedAt;

    @Column(name = "replayed_by", length = OPERATOR_LENGTH)
    private String replayedBy;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected DeadLetter() {
    }

    private DeadLetter(DeadLetterRecord record, Instant receivedAt) {
        this.topic = Objects.requireNonNull(record.topic(), "topic");
        this.dltPartition = record.partition();
        this.dltOffset = record.offset();
        this.messageKey = record.key();
        this.payload = record.value();
        this.eventId = record.eventId();
        this.eventType = record.eventType();
        this.originalTopic = record.originalTopic();
        this.originalPartition = record.originalPartition();
        this.originalOffset = record.originalOffset();
        this.originalConsumerGroup = record.originalConsumerGroup();
        this.exceptionClass = record.exceptionClass();
        this.exceptionMessage = record.exceptionMessage() == null || record.exceptionMessage().length() <= MESSAGE_LENGTH
                ? record.exceptionMessage() : record.exceptionMessage().substring(0, MESSAGE_LENGTH - 1) + "…";
        this.receivedAt = receivedAt;
        this.status = DeadLetterStatus.NEW;
    }

    static DeadLetter received(DeadLetterRecord record, Instant receivedAt) {
        return new DeadLetter(record, receivedAt);
    }

    /**
     * Why this dead letter cannot be replayed, or null when it can: it must name a saga topic as its origin
     * (the header is missing on records not published by the platform's error handler) and have a value.
     */
    String whyNotReplayable() {
        if (originalTopic == null || !REPLAYABLE_TOPICS.contains(originalTopic)) {
            return "원래 토픽을 알 수 없거나 사가 토픽이 아닙니다: " + originalTopic;
        }
        if (payload == null) {
            return "값이 없는 레코드(tombstone)는 재처리할 수 없습니다";
        }
        return null;
    }

    /** @throws DeadLetterProblems.AlreadyReplayed when it was replayed before: a dead letter is replayed once */
    void markReplayed(String operator, Instant at) {
        if (status == DeadLetterStatus.REPLAYED) {
            throw new DeadLetterProblems.AlreadyReplayed(id, replayedAt, replayedBy);
        }
        status = DeadLetterStatus.REPLAYED;
        replayedAt = at;
        replayedBy = operator;
    }

    DeadLetterView view() {
        return new DeadLetterView(id, topic, dltPartition, dltOffset, messageKey, payload, eventId, eventType,
                new DeadLetterView.Origin(originalTopic, originalPartition, originalOffset, originalConsumerGroup),
                new DeadLetterView.Cause(exceptionClass, exceptionMessage), receivedAt, status, replayedAt, replayedBy);
    }

    Long id() {
        return id;
    }

    DeadLetterStatus status() {
        return status;
    }

    String key() {
        return messageKey;
    }

    String value() {
        return payload;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String originalTopic() {
        return originalTopic;
    }
}
