package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.Topics;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.approved;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.canceled;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterIT extends AbstractIntegrationTest {

    @Test
    void deadLettersPoisonAndKeepsConsumingTheEventsAfterIt() {
        String orderId = newOrderId();
        Instant at = Instant.parse("2026-11-20T06:00:00Z");
        String notJson = "{not json at all " + orderId;
        String schemaInvalid = codec.encode(approved(orderId, "카드", 5_000, at)).replace("\"paymentKey\"", "\"pk\"");
        String unknownType = """
                {"eventId":"%s","eventType":"PAYMENT_REFUNDED_V9","occurredAt":"2026-11-20T06:00:00Z",\
                "orderId":"%s","payload":{"orderId":"%s"}}""".formatted(java.util.UUID.randomUUID(), orderId, orderId);
        String impossibleCancel = codec.encode(canceled(orderId, "카드", 5_000, 4_000, 2_000, at.plusSeconds(60)));

        try (TopicRecorder deadLetters = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
                List.of(Topics.deadLetterOf(Topics.PAYMENT_EVENTS)))) {
            publishRaw(orderId, unknownType);
            publishRaw(orderId, notJson);
            publishRaw(orderId, schemaInvalid);
            publishRaw(orderId, impossibleCancel);
            publish(approved(orderId, "카드", 5_000, at));

            ConsumerRecord<String, String> first = deadLetters.await(r -> notJson.equals(r.value()));
            deadLetters.await(r -> schemaInvalid.equals(r.value()));
            ConsumerRecord<String, String> inconsistent = deadLetters.await(r -> impossibleCancel.equals(r.value()));

            assertThat(first.key()).isEqualTo(orderId);
            assertThat(header(inconsistent, "kafka_dlt-exception-cause-fqcn")).endsWith("InconsistentEventException");
            awaitSettlement(orderId, 1, view -> {
                assertThat(view.get("entries").get(0).get("type").asString()).isEqualTo("SALE");
                LedgerIT.assertTotals(view, 5_000, 0, 170, 17, 4_813);
            });
            // An unknown event type is a newer producer's event, not poison: skipped, never dead-lettered.
            assertThat(deadLetters.matching(r -> unknownType.equals(r.value()))).isEmpty();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
