package com.acme.shop.admin.deadletter;

import com.acme.shop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every record of the saga's dead-letter topics in {@code dead_letter}. Its own consumer group, so it
 * reads the dead-letter topics independently of the timeline. Storing is idempotent on the record's position
 * (topic, partition, offset), so a redelivered DLT record is stored once.
 */
@Component
class DeadLetterListener {

    /** Consumer group of the dead-letter topics. */
    static final String GROUP = "admin-service-dead-letters";

    private final DeadLetterService deadLetters;

    DeadLetterListener(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = {Topics.PAYMENT_EVENTS + Topics.DEAD_LETTER_SUFFIX, Topics.ORDER_EVENTS + Topics.DEAD_LETTER_SUFFIX},
            groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        deadLetters.receive(DeadLetterRecord.of(record));
    }
}
