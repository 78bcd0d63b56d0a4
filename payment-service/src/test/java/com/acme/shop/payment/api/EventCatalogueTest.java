package com.acme.shop.payment.api;

import com.acme.shop.testsupport.openapi.EventCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** payment's Kafka consumers are the ones the AsyncAPI event catalogue in contracts declares for it, and no others. */
class EventCatalogueTest {

    @Test
    void everyKafkaListenerIsInTheEventCatalogue() {
        assertThat(EventCatalogue.disagreements("payment-service", "com.acme.shop.payment")).isEmpty();
    }
}
