package com.acme.shop.settlement.api;

import com.acme.shop.testsupport.openapi.EventCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** settlement's Kafka consumers are the ones the AsyncAPI event catalogue in contracts declares for it, and no others. */
class EventCatalogueTest {

    @Test
    void everyKafkaListenerIsInTheEventCatalogue() {
        assertThat(EventCatalogue.disagreements("settlement-service", "com.acme.shop.settlement")).isEmpty();
    }
}
