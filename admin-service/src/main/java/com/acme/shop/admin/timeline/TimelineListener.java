package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every saga event of both topics into the timeline. Unknown event types (a newer producer) are
 * skipped; unreadable records throw {@link EventCodec.InvalidEventException} and the platform's error
 * handler sends them to the dead-letter topic at once; other failures are retried, then dead-lettered.
 */
@Component
class TimelineListener {

    private static final Logger log = LoggerFactory.getLogger(TimelineListener.class);

    private final EventCodec codec;
    private final TimelineRecorder recorder;

    TimelineListener(EventCodec codec, TimelineRecorder recorder) {
        this.codec = codec;
        this.recorder = recorder;
    }

    @KafkaListener(topics = {Topics.PAYMENT_EVENTS, Topics.ORDER_EVENTS}, groupId = TimelineRecorder.CONSUMER)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (EventCodec.UnknownEventTypeException e) {
            log.info("Skipping event of unknown type {} ({}-{}@{}, key {})", e.eventType(), record.topic(),
                    record.partition(), record.offset(), record.key());
            return;
        }
        if (!recorder.record(event, record.value())) {
            log.debug("Duplicate {} {} for order {} ignored", event.eventType(), event.eventId(), event.orderId());
        }
    }
}
