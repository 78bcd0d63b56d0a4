package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.order.OrderCreationFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** payment-service's side of the saga: ORDER_CREATION_FAILED starts the compensating refund. */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final EventCodec codec;
    private final RefundService refunds;

    OrderEventsListener(EventCodec codec, RefundService refunds) {
        this.codec = codec;
        this.refunds = refunds;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "payment-service")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (EventCodec.UnknownEventTypeException e) {
            log.debug("Skipping unknown event type {} at {}-{}@{}", e.eventType(), record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (event.payload() instanceof OrderCreationFailed failed) {
            refunds.onOrderCreationFailed(event, failed);
        }
    }
}
