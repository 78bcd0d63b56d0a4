package com.acme.shop.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param partitions        partitions of each saga topic and its dead-letter topic (they must match,
 *                          the dead-letter recoverer keeps the partition)
 * @param replicationFactor 1 for a local single broker; 3 in production
 * @param retryAttempts     redeliveries of a failing record before it goes to the dead-letter topic
 * @param retryInitialDelay first back-off between redeliveries; doubles each time
 */
@ConfigurationProperties("shop.kafka")
public record KafkaTopicsProperties(@DefaultValue("3") int partitions,
                                    @DefaultValue("1") short replicationFactor,
                                    @DefaultValue("4") int retryAttempts,
                                    @DefaultValue("200ms") Duration retryInitialDelay) {
}
