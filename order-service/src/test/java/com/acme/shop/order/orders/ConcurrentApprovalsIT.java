package com.acme.shop.order.orders;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.order.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** More approvals than stock, all at once, straight into the transactional handler (no Kafka serialisation). */
class ConcurrentApprovalsIT extends AbstractIntegrationTest {

    @Autowired
    private OrderService orders;

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
                orders.onPaymentApproved(approval);
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
        approvals.forEach(orders::onPaymentApproved);
        assertThat(stockOf(product)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE message_key IN (" + in + ")",
                Integer.class)).isEqualTo(30);
    }
}
