package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payment.events}. Unknown event types (a newer producer) are skipped; unreadable or inconsistent
 * records go to {@code payment.events.DLT} at once; other failures are retried, then dead-lettered.
 */
@Component
class PaymentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final EventCodec codec;
    private final SettlementLedger ledger;

    PaymentEventsListener(EventCodec codec, SettlementLedger ledger) {
        this.codec = codec;
        this.ledger = ledger;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = SettlementLedger.CONSUMER)
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new EventCodec.InvalidEventException("empty record at offset " + record.offset());
        }
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (EventCodec.UnknownEventTypeException e) {
            log.info("Skipping event of unknown type {} (key {}, offset {})", e.eventType(), record.key(),
                    record.offset());
            return;
        }
        ledger.record(event);
    }
}
