package com.acme.shop.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval  fallback polling when no commit nudged the relay (a nudge relays at once)
 * @param batchSize     rows claimed per round; claims use SKIP LOCKED so several instances share the work
 * @param sendTimeout   how long to wait for the broker's acknowledgement before giving the row back; keep it
 *                      longer than the producer's delivery.timeout.ms (services: 10 s), so the producer
 *                      settles every send first (was 10 s: a tie, where a late ack became a duplicate)
 * @param retention     sent rows older than this are purged
 * @param purgeInterval how often the purge runs
 * @param drainTimeout  at shutdown, how long the relay may take to finish its round and send what was committed
 *                      before it gives up and leaves the rest to the next instance; keep it inside the shutdown budget
 *                      (Kubernetes' terminationGracePeriodSeconds minus the web server's graceful phase)
 */
@ConfigurationProperties("shop.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("200") int batchSize,
                               @DefaultValue("15s") Duration sendTimeout,
                               @DefaultValue("7d") Duration retention,
                               @DefaultValue("1h") Duration purgeInterval,
                               @DefaultValue("10s") Duration drainTimeout) {
}
