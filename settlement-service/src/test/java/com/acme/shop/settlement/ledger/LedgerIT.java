package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.EventSchemas;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.approved;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.canceled;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.newOrderId;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.paymentKeyOf;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.saleTransactionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LedgerIT extends AbstractIntegrationTest {

    /** Friday 2026-11-20 15:00 in Seoul. */
    private static final Instant FRIDAY_AFTERNOON_KST = Instant.parse("2026-11-20T06:00:00Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    KafkaAdmin admin;

    /**
     * Regressions (end-to-end benchmark, chaos run): with one consumer for all partitions the ledger fell behind the
     * orders under load; a consumer killed without leaving held its partitions for Kafka's default 45 s session.
     */
    @Test
    void eachPartitionOfPaymentEventsHasAConsumerOfItsOwnWhoseDeathIsNoticedWithin10Seconds() {
        int partitions = admin.describeTopics(Topics.PAYMENT_EVENTS).get(Topics.PAYMENT_EVENTS).partitions().size();
        ConcurrentMessageListenerContainer<?, ?> ledger = listeners.getListenerContainers().stream()
                .filter(c -> SettlementLedger.CONSUMER.equals(c.getGroupId()))
                .map(c -> (ConcurrentMessageListenerContainer<?, ?>) c).findFirst().orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Collection<TopicPartition>> assigned = ledger.getContainers().stream()
                    .map(MessageListenerContainer::getAssignedPartitions).toList();
            assertThat(assigned).as("partitions per consumer").allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(1));
            assertThat(assigned.stream().mapToInt(Collection::size).sum()).isEqualTo(partitions);
        });
        assertThat(ledger.getConcurrency()).isEqualTo(3);
        assertThat(String.valueOf(consumers.getConfigurationProperties().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)))
                .isEqualTo("10000");
    }

    @Test
    void booksAnApprovalAsASaleWithFeeVatNetAndPayoutDate() {
        String orderId = newOrderId();

        publish(approved(orderId, "카드", 39_000, FRIDAY_AFTERNOON_KST));

        awaitSettlement(orderId, 1, view -> {
            assertThat(view.get("orderId").asString()).isEqualTo(orderId);
            assertThat(view.get("paymentKey").asString()).isEqualTo(paymentKeyOf(orderId));
            assertThat(view.get("method").asString()).isEqualTo("카드");
            assertTotals(view, 39_000, 0, 1_326, 133, 37_541);
            JsonNode sale = view.get("entries").get(0);
            assertThat(sale.get("type").asString()).isEqualTo("SALE");
            assertThat(sale.get("transactionKey").asString()).isEqualTo(saleTransactionOf(orderId));
            assertEntry(sale, 39_000, 1_326, 133, 37_541);
            assertThat(sale.get("salesDate").asString()).isEqualTo("2026-11-20");
            assertThat(sale.get("payoutDate").asString()).as("Friday + 3 business days").isEqualTo("2026-11-25");
            assertThat(Instant.parse(sale.get("occurredAt").asString())).isEqualTo(FRIDAY_AFTERNOON_KST);
        });
    }

    @Test
    void datesALateNightApprovalOnTheNextKoreanDay() {
        String orderId = newOrderId();

        // 00:30 on Saturday 2026-11-21 in Seoul, still Friday in UTC.
        publish(approved(orderId, "계좌이체", 10_000, Instant.parse("2026-11-20T15:30:00Z")));

        awaitSettlement(orderId, 1, view -> {
            assertTotals(view, 10_000, 0, 200, 20, 9_780);
            JsonNode sale = view.get("entries").get(0);
            assertThat(sale.get("salesDate").asString()).isEqualTo("2026-11-21");
            assertThat(sale.get("payoutDate").asString()).as("Saturday + 2 business days").isEqualTo("2026-11-24");
        });
    }

    @Test
    void redeliveredEventsBookTheTransactionOnce() {
        String orderId = newOrderId();
        EventEnvelope<PaymentApproved> sale = approved(orderId, "카드", 1_000, FRIDAY_AFTERNOON_KST);
        String json = codec.encode(sale);

        publishRaw(orderId, json);
        publishRaw(orderId, json);
        publishRaw(orderId, json);
        // The same Toss transaction re-published under a new event id (e.g. a replayed outbox row): the inbox lets
        // it through, the (payment_key, transaction_key) key does not.
        publish(new EventEnvelope<>(UUID.randomUUID(), sale.eventType(), sale.occurredAt(), orderId, sale.payload()));
        // Same key, so same partition: once this cancel is booked, every copy before it has been consumed.
        publish(canceled(orderId, "카드", 1_000, 400, 600, FRIDAY_AFTERNOON_KST.plusSeconds(60)));

        awaitSettlement(orderId, 2, view -> {
            assertThat(view.get("entries").get(0).get("type").asString()).isEqualTo("SALE");
            assertThat(view.get("entries").get(1).get("type").asString()).isEqualTo("CANCEL");
            // fee 34 -> round(34 x 600/1000) = 20 still charged; vat 3 -> round(1.8) = 2
            assertTotals(view, 1_000, 400, 20, 2, 578);
        });
    }

    @Test
    void fullCancelLeavesNothingOwed() {
        String orderId = newOrderId();
        publish(approved(orderId, "카드", 10_000, FRIDAY_AFTERNOON_KST));

        publish(canceled(orderId, "카드", 10_000, 10_000, 0, Instant.parse("2026-11-23T01:00:00Z")));

        awaitSettlement(orderId, 2, view -> {
            assertTotals(view, 10_000, 10_000, 0, 0, 0);
            JsonNode cancel = view.get("entries").get(1);
            assertThat(cancel.get("type").asString()).isEqualTo("CANCEL");
            assertEntry(cancel, -10_000, -340, -34, -9_626);
            assertThat(cancel.get("salesDate").asString()).isEqualTo("2026-11-23");
            assertThat(cancel.get("payoutDate").asString()).as("Monday + 3 business days").isEqualTo("2026-11-26");
        });
    }

    @Test
    void partialCancelKeepsTheFeeOnWhatIsLeft() {
        String orderId = newOrderId();
        publish(approved(orderId, "카드", 39_000, FRIDAY_AFTERNOON_KST));

        publish(canceled(orderId, "카드", 39_000, 9_000, 30_000, FRIDAY_AFTERNOON_KST.plusSeconds(600)));

        awaitSettlement(orderId, 2, view -> {
            // fee round(1326 x 30000/39000) = 1020, vat round(133 x 30000/39000) = 102
            assertTotals(view, 39_000, 9_000, 1_020, 102, 28_878);
            assertEntry(view.get("entries").get(1), -9_000, -306, -31, -8_663);
        });
    }

    @Test
    void thirdsOfAPaymentCancelledOneByOneLeaveNotAWonOfFee() {
        String orderId = newOrderId();
        publish(approved(orderId, "카드", 1_000, FRIDAY_AFTERNOON_KST));
        publish(canceled(orderId, "카드", 1_000, 333, 667, FRIDAY_AFTERNOON_KST.plusSeconds(60)));

        awaitSettlement(orderId, 2, view -> assertTotals(view, 1_000, 333, 23, 2, 642));

        publish(canceled(orderId, "카드", 1_000, 333, 334, FRIDAY_AFTERNOON_KST.plusSeconds(120)));
        publish(canceled(orderId, "카드", 1_000, 334, 0, FRIDAY_AFTERNOON_KST.plusSeconds(180)));

        awaitSettlement(orderId, 4, view -> {
            assertTotals(view, 1_000, 1_000, 0, 0, 0);
            assertEntry(view.get("entries").get(2), -333, -12, -1, -320);
            assertEntry(view.get("entries").get(3), -334, -11, -1, -322);
        });
    }

    @Test
    void cancelReplayedAheadOfItsSaleIsRecordedAndSettlesOnceTheSaleArrives() {
        String orderId = newOrderId();

        publish(canceled(orderId, "카드", 39_000, 39_000, 0, FRIDAY_AFTERNOON_KST.plusSeconds(600)));

        awaitSettlement(orderId, 1, view -> {
            assertThat(view.get("paymentKey").asString()).isEqualTo(paymentKeyOf(orderId));
            assertTotals(view, 0, 39_000, -1_326, -133, -37_541);
        });

        publish(approved(orderId, "카드", 39_000, FRIDAY_AFTERNOON_KST));

        awaitSettlement(orderId, 2, view -> {
            assertTotals(view, 39_000, 39_000, 0, 0, 0);
            assertThat(view.get("entries").get(0).get("type").asString()).as("ordered by occurrence").isEqualTo("SALE");
        });
    }

    @Test
    void consumesTheContractExamples() {
        String approvedExample = EventSchemas.example(EventType.PAYMENT_APPROVED);
        String canceledExample = EventSchemas.example(EventType.PAYMENT_CANCELED);
        String orderId = "Zx3kQ9_f2LpW8aT0vNcR1bYh";
        assertThat(approvedExample).contains(orderId);
        assertThat(canceledExample).contains(orderId);

        publishRaw(orderId, approvedExample);

        awaitSettlement(orderId, 1, view -> {
            assertThat(view.get("paymentKey").asString()).isEqualTo("tviva20261121143015aB3dE");
            assertThat(view.get("method").asString()).isEqualTo("카드");
            assertTotals(view, 39_000, 0, 1_326, 133, 37_541);
            JsonNode sale = view.get("entries").get(0);
            assertThat(sale.get("transactionKey").asString()).isEqualTo("9C62B18EEF0DE3EB7F4422EB6D14BC6E");
            assertThat(sale.get("salesDate").asString()).as("14:30 in Seoul").isEqualTo("2026-11-21");
            assertThat(sale.get("payoutDate").asString()).as("Saturday + 3 business days").isEqualTo("2026-11-25");
            assertThat(Instant.parse(sale.get("occurredAt").asString())).isEqualTo("2026-11-21T05:30:15Z");
        });

        publishRaw(orderId, canceledExample);

        awaitSettlement(orderId, 2, view -> {
            assertTotals(view, 39_000, 39_000, 0, 0, 0);
            JsonNode cancel = view.get("entries").get(1);
            assertThat(cancel.get("transactionKey").asString()).isEqualTo("A1B2C3D4E5F60718293A4B5C6D7E8F90");
            assertEntry(cancel, -39_000, -1_326, -133, -37_541);
        });
    }

    @Test
    void paysOutAfterTheKoreanHolidaysOfTheConfiguredCalendar() {
        String beforeChuseok = newOrderId();
        String beforeSeollal = newOrderId();

        // Wednesday 2026-09-23: 9/24-9/26 추석, then the weekend.
        publish(approved(beforeChuseok, "카드", 10_000, Instant.parse("2026-09-23T03:00:00Z")));
        // Friday 2027-02-05: 2/6-2/8 설날 and 2/9 substitute holiday.
        publish(approved(beforeSeollal, "계좌이체", 10_000, Instant.parse("2027-02-05T03:00:00Z")));

        awaitSettlement(beforeChuseok, 1, view -> assertThat(view.get("entries").get(0).get("payoutDate").asString())
                .as("D+3 skipping 추석 and the weekend").isEqualTo("2026-09-30"));
        awaitSettlement(beforeSeollal, 1, view -> assertThat(view.get("entries").get(0).get("payoutDate").asString())
                .as("D+2 skipping the weekend, 설날 and its substitute holiday").isEqualTo("2027-02-11"));
    }

    @Test
    void aCancelReplayedFromTheDeadLetterTopicAfterLaterCancelsLeavesTheLedgerRight() {
        String orderId = newOrderId();
        var first = canceled(orderId, "카드", 1_000, 333, 667, FRIDAY_AFTERNOON_KST.plusSeconds(60));
        publish(approved(orderId, "카드", 1_000, FRIDAY_AFTERNOON_KST));
        // The first cancel was dead-lettered; the second and third went through.
        publish(canceled(orderId, "카드", 1_000, 333, 334, FRIDAY_AFTERNOON_KST.plusSeconds(120)));
        publish(canceled(orderId, "카드", 1_000, 334, 0, FRIDAY_AFTERNOON_KST.plusSeconds(180)));
        awaitSettlement(orderId, 3, view -> { });

        publish(first);
        publish(first);
        publish(new EventEnvelope<>(UUID.randomUUID(), first.eventType(), first.occurredAt(), orderId,
                first.payload()));

        awaitSettlement(orderId, 4, view -> {
            assertTotals(view, 1_000, 1_000, 0, 0, 0);
            assertEntry(view.get("entries").get(1), -333, -11, -1, -321);
            assertEntry(view.get("entries").get(2), -333, -12, -1, -320);
        });
        assertThat(settlementOf(orderId).body().get("entries").size()).as("replays booked once").isEqualTo(4);
    }

    static void assertTotals(JsonNode view, long gross, long canceled, long fee, long vat, long net) {
        assertThat(view.get("grossAmount").asLong()).as("grossAmount").isEqualTo(gross);
        assertThat(view.get("canceledAmount").asLong()).as("canceledAmount").isEqualTo(canceled);
        assertThat(view.get("feeAmount").asLong()).as("feeAmount").isEqualTo(fee);
        assertThat(view.get("vatAmount").asLong()).as("vatAmount").isEqualTo(vat);
        assertThat(view.get("netAmount").asLong()).as("netAmount").isEqualTo(net);
        assertThat(net).as("net = gross - canceled - fee - vat").isEqualTo(gross - canceled - fee - vat);
    }

    static void assertEntry(JsonNode entry, long amount, long fee, long vat, long net) {
        assertThat(entry.get("amount").asLong()).as("amount").isEqualTo(amount);
        assertThat(entry.get("fee").asLong()).as("fee").isEqualTo(fee);
        assertThat(entry.get("vat").asLong()).as("vat").isEqualTo(vat);
        assertThat(entry.get("net").asLong()).as("net").isEqualTo(net);
    }
}
