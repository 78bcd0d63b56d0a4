package com.acme.shop.sandbox.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every delivery, oldest first, up to {@code sandbox.webhook.delivery-log-capacity}. */
@Component
class DeliveryLog {

    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

    private final int capacity;

    private long ids;

    DeliveryLog(WebhookProperties properties) {
        this.capacity = properties.deliveryLogCapacity();
    }

    synchronized String nextId() {
        return "delivery-" + ++ids;
    }

    synchronized void add(Delivery delivery) {
        deliveries.put(delivery.id(), delivery);
        var oldest = deliveries.entrySet().iterator();
        while (deliveries.size() > capacity) {
            oldest.next().getValue().close();
            oldest.remove();
        }
    }

    synchronized Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    List<Delivery.View> list(String orderId, String eventType, String paymentKey) {
        List<Delivery> all;
        synchronized (this) {
            all = new ArrayList<>(deliveries.values());
        }
        return all.stream()
            .filter(d -> orderId == null || orderId.equals(d.orderId()))
            .filter(d -> eventType == null || eventType.equals(d.eventType()))
            .filter(d -> paymentKey == null || paymentKey.equals(d.paymentKey()))
            .map(Delivery::view)
            .toList();
    }

    /** Forgets every delivery and stops their pending resends. */
    synchronized void clear() {
        deliveries.values().forEach(Delivery::close);
        deliveries.clear();
    }

}
