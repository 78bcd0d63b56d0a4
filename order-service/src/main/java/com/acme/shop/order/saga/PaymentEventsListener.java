package com.acme.shop.order.saga;

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
 * the platform's error handler sends straight to {@code payment.events.DLT} (cause and origin in headers)
 * without blocking the partition. Technical failures of order creation are retried, then fail the order
 * with reason TECHNICAL ({@link OrderCreationRetry}); other failures are redelivered a few times by the
 * platform, then dead-lettered. Event types this build does not know are skipped so producers can add new ones.
 *
 * <p>Records are keyed by orderId, so one order's events share a partition and are applied one after the
 * other, in the order payment-service published them; {@code concurrency} only spreads partitions.
 */
@Component
class PaymentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final EventCodec codec;
    private final PaymentEventHandler handler;
    private final OrderCreationRetry creation;

    PaymentEventsListener(EventCodec codec, PaymentEventHandler handler, OrderCreationRetry creation) {
        this.codec = codec;
        this.handler = handler;
        this.creation = creation;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = PaymentEventHandler.CONSUMER)
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
            case PaymentApproved ignored -> creation.onPaymentApproved((EventEnvelope<PaymentApproved>) event);
            case PaymentCanceled ignored -> handler.onPaymentCanceled((EventEnvelope<PaymentCanceled>) event);
            default -> log.info("Skipping {} {}: not for order-service", event.eventType(), event.eventId());
        }
    }
}
