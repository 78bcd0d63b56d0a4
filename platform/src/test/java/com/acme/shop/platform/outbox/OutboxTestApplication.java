package com.acme.shop.platform.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest service there is: a DataSource, Flyway with the platform's migration, a KafkaTemplate and
 * whatever {@code PlatformAutoConfiguration} adds (outbox writer, relay, inbox). Nothing of its own.
 */
@SpringBootApplication
class OutboxTestApplication {
}
