package com.acme.shop.order.saga;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More approvals than stock, all at once: straight into the transactional handler from 30 threads, and
 * through Kafka (100 orders spread over the partitions, consumed by the listener's concurrent consumers).
 */
class ConcurrentApprovalsIT extends AbstractIntegrationTest {

    @Autowired
    private PaymentEventHandler handler;

    @Test
    void hundredApprovalsThroughKafkaForTenPiecesGiveTenOrdersAndNinetyCompensations() throws Exception {
        String product = newProduct("한정판 후드티 (카프카 동시성)", 59_000, 10);
        List<EventEnvelope<PaymentApproved>> approvals = IntStream.range(0, 100)
                .mapToObj(i -> approved(newOrderId(), List.of(new LineItem(product, "한정판 후드티 (카프카 동시성)", 1, 59_000))))
                .toList();

        // all sent at once (distinct orderIds, so spread over every partition), then the acks collected
        List<CompletableFuture<?>> sent = approvals.stream()
                .<CompletableFuture<?>>map(a -> kafka.send(Topics.PAYMENT_EVENTS, a.orderId(), codec.encode(a)))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        Set<String> orderIds = approvals.stream().map(EventEnvelope::orderId).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> events = recorder().await(r -> orderIds.contains(r.key()) && r.topic().equals(Topics.ORDER_EVENTS), 100);
        Map<String, Long> byOutcome = events.stream().map(r -> JSON.readTree(r.value()))
                .collect(Collectors.groupingBy(e -> e.get("eventType").asString()
                        + e.get("payload").path("reasonCode").asString(""), Collectors.counting()));
        assertThat(byOutcome).containsExactlyInAnyOrderEntriesOf(
                Map.of("ORDER_CREATED", 10L, "ORDER_CREATION_FAILEDOUT_OF_STOCK", 90L));
        assertThat(events).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(stockOf(product)).isZero();
    }

    @Test
    void thirtyConcurrentApprovalsForTenPiecesCreateExactlyTenOrders() throws Exception {
        String product = newProduct("한정판 후드티 (동시성)", 59_000, 10);
        List<EventEnvelope<PaymentApproved>> approvals = IntStream.range(0, 30)
                .mapToObj(i -> approved(newOrderId(), List.of(new LineItem(product, "한정판 후드티 (동시성)", 1, 59_000))))
                .toList();
        CountDownLatch start = new CountDownLatch(1);

        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            List<Future<?>> results = approvals.stream().map(approval -> pool.submit(() -> {
                start.await();
                handler.onPaymentApproved(approval);
                return null;
            })).collect(Collectors.toList());
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS); // rethrows any failure of a handler
            }
        }

        List<String> orderIds = approvals.stream().map(EventEnvelope::orderId).toList();
        String in = orderIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Map<String, Long> byStatus = jdbc.queryForList(
                        "SELECT status, failure_reason FROM orders WHERE order_id IN (" + in + ")")
                .stream().collect(Collectors.groupingBy(r -> r.get("status") + "/" + r.get("failure_reason"),
                        Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("CREATED/null", 10L, "FAILED/OUT_OF_STOCK", 20L));
        assertThat(stockOf(product)).isZero();
        Map<String, Long> events = jdbc.queryForList(
                        "SELECT event_type FROM outbox_event WHERE message_key IN (" + in + ")", String.class)
                .stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of("ORDER_CREATED", 10L, "ORDER_CREATION_FAILED", 20L));
        // redelivering all thirty changes nothing
        approvals.forEach(handler::onPaymentApproved);
        assertThat(stockOf(product)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE message_key IN (" + in + ")",
                Integer.class)).isEqualTo(30);
    }
}
