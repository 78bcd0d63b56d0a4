package com.acme.shop.platform.observability;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts a consumed record's key, the orderId (every saga record is keyed by it, docs/events.md), into the logging MDC
 * for as long as the listener works on the record, retries and dead-lettering included, and takes it out afterwards.
 */
public class OrderIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.key() instanceof String orderId && OrderLogContext.isOrderId(orderId)) {
            MDC.put(OrderLogContext.KEY, orderId);
        } else {
            MDC.remove(OrderLogContext.KEY);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(OrderLogContext.KEY);
    }
}
