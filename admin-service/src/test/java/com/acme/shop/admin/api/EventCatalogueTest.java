package com.acme.shop.admin.api;

import com.acme.shop.testsupport.openapi.EventCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** admin's Kafka consumers are the ones the AsyncAPI event catalogue in contracts declares for it, and no others. */
class EventCatalogueTest {

    @Test
    void everyKafkaListenerIsInTheEventCatalogue() {
        assertThat(EventCatalogue.disagreements("admin-service", "com.acme.shop.admin")).isEmpty();
    }
}
