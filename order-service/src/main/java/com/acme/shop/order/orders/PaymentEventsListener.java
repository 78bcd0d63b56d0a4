package com.acme.shop.order.orders;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payment.events}. Unreadable records throw {@link EventCodec.InvalidEventException}, which
 * the platform's error handler sends straight to {@code payment.events.DLT}; other failures are retried
 * with back-off first. Event types this build does not know are skipped so producers can add new ones.
 */
@Component
class PaymentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final EventCodec codec;
    private final OrderService orders;

    PaymentEventsListener(EventCodec codec, OrderService orders) {
        this.codec = codec;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = OrderService.CONSUMER)
    @SuppressWarnings("unchecked")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new EventCodec.InvalidEventException("empty record (key " + record.key() + ")");
        }
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (EventCodec.UnknownEventTypeException e) {
            log.info("Skipping {} at {}-{}@{}: not an event type this service knows", e.eventType(),
                    record.topic(), record.partition(), record.offset());
            return;
        }
        switch (event.payload()) {
            case PaymentApproved ignored -> orders.onPaymentApproved((EventEnvelope<PaymentApproved>) event);
            case PaymentCanceled ignored -> orders.onPaymentCanceled((EventEnvelope<PaymentCanceled>) event);
            default -> log.info("Skipping {} {}: not for order-service", event.eventType(), event.eventId());
        }
    }
}
