package com.acme.shop.order.api;

import com.acme.shop.testsupport.openapi.EventCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** order's Kafka consumers are the ones the AsyncAPI event catalogue in contracts declares for it, and no others. */
class EventCatalogueTest {

    @Test
    void everyKafkaListenerIsInTheEventCatalogue() {
        assertThat(EventCatalogue.disagreements("order-service", "com.acme.shop.order")).isEmpty();
    }
}
