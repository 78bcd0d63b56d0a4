package com.acme.shop.chaos.check;

import com.acme.shop.chaos.check.Snapshot.Cancel;
import com.acme.shop.chaos.check.Snapshot.Customer;
import com.acme.shop.chaos.check.Snapshot.Entry;
import com.acme.shop.chaos.check.Snapshot.Order;
import com.acme.shop.chaos.check.Snapshot.Payment;
import com.acme.shop.chaos.check.Snapshot.Product;
import com.acme.shop.chaos.check.Snapshot.Told;
import com.acme.shop.chaos.check.Snapshot.TossCancel;
import com.acme.shop.chaos.check.Snapshot.TossPayment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the checker on hand-built snapshots: a consistent world gives only {@code match}, and each rule
 * catches its own violation with the kind the report promises.
 */
class InvariantCheckerTest {

    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    final InvariantChecker checker = new InvariantChecker(Duration.ofMinutes(2));

    /** A mutable world: three orders (paid, compensated, partly refunded), one abandoned checkout. */
    static final class World {
        Map<String, Customer> customers = new HashMap<>();
        Map<String, Payment> payments = new HashMap<>();
        Map<String, List<Cancel>> cancels = new HashMap<>();
        Map<String, List<Order>> orders = new HashMap<>();
        Map<String, List<Entry>> entries = new HashMap<>();
        Map<String, List<TossPayment>> toss = new HashMap<>();
        Map<String, Integer> approvals = new HashMap<>();
        List<Snapshot.Unsent> unsent = new ArrayList<>();
        List<Snapshot.Webhook> webhooks = new ArrayList<>();
        List<Product> products = new ArrayList<>();

        World() {
            // paid: 2 mugs
            customers.put("paid", new Customer("paid", "card", "pk-paid", 18_000, Told.PAID, 0));
            payments.put("paid", new Payment("paid", "DONE", 18_000, 18_000, "pk-paid", null, NOW.minusSeconds(60), 1));
            orders.put("paid", new ArrayList<>(List.of(new Order("paid", "CREATED", 18_000, 0, null, false,
                    Map.of("MUG", 2)))));
            entries.put("paid", new ArrayList<>(List.of(new Entry("paid", "SALE", 18_000, 500, 50, 17_450, "tx-paid"))));
            toss.put("paid", new ArrayList<>(List.of(new TossPayment("paid", "pk-paid", "DONE", 18_000, 18_000, List.of()))));
            approvals.put("paid", 1);
            // compensated: out of stock, refunded in full
            customers.put("comp", new Customer("comp", "out-of-stock", "pk-comp", 9_000, Told.PAID, 0));
            payments.put("comp", new Payment("comp", "CANCELED", 9_000, 0, "pk-comp", null, NOW.minusSeconds(60), 1));
            cancels.put("comp", new ArrayList<>(List.of(new Cancel("comp", "ORDER_CREATION_FAILED", 9_000L, "SUCCEEDED", "tx-comp-c"))));
            orders.put("comp", new ArrayList<>(List.of(new Order("comp", "CANCELED", 9_000, 9_000, "OUT_OF_STOCK", false,
                    Map.of("MUG", 1)))));
            entries.put("comp", new ArrayList<>(List.of(new Entry("comp", "SALE", 9_000, 300, 30, 8_670, "tx-comp"),
                    new Entry("comp", "CANCEL", -9_000, -300, -30, -8_670, "tx-comp-c"))));
            toss.put("comp", new ArrayList<>(List.of(new TossPayment("comp", "pk-comp", "CANCELED", 9_000, 0,
                    List.of(new TossCancel(9_000, "tx-comp-c"))))));
            approvals.put("comp", 1);
            // partly refunded by an operator: 3 mugs, 9,000 back
            customers.put("part", new Customer("part", "card+refund", "pk-part", 27_000, Told.PAID, 9_000));
            payments.put("part", new Payment("part", "PARTIAL_CANCELED", 27_000, 18_000, "pk-part", null, NOW.minusSeconds(60), 1));
            cancels.put("part", new ArrayList<>(List.of(new Cancel("part", "MANUAL", 9_000L, "SUCCEEDED", "tx-part-c"))));
            orders.put("part", new ArrayList<>(List.of(new Order("part", "PARTIALLY_REFUNDED", 27_000, 9_000, null, false,
                    Map.of("MUG", 3)))));
            entries.put("part", new ArrayList<>(List.of(new Entry("part", "SALE", 27_000, 800, 80, 26_120, "tx-part"),
                    new Entry("part", "CANCEL", -9_000, -266, -26, -8_708, "tx-part-c"))));
            toss.put("part", new ArrayList<>(List.of(new TossPayment("part", "pk-part", "PARTIAL_CANCELED", 27_000, 18_000,
                    List.of(new TossCancel(9_000, "tx-part-c"))))));
            approvals.put("part", 1);
            // abandoned: the customer came back through the fail redirect
            customers.put("left", new Customer("left", "fail-redirect", "pk-left", 9_000, Told.FAILED, 0));
            payments.put("left", new Payment("left", "ABORTED", 9_000, 9_000, null, null, NOW.minusSeconds(60), 0));
            toss.put("left", new ArrayList<>(List.of(new TossPayment("left", "pk-left", "IN_PROGRESS", 9_000, 9_000, List.of()))));
            // MUG: 10 at the start, 2 + 3 held by live orders, the failed order took none
            products.add(new Product("MUG", 10, 5));
        }

        Snapshot snapshot() {
            return new Snapshot(customers, payments, cancels, orders, entries, toss, approvals, unsent, webhooks,
                    products, NOW);
        }
    }

    private Row row(World w, String subject) {
        return checker.check(w.snapshot()).rows().stream().filter(r -> r.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    private static void assertFinding(Row row, Kind kind, String rule) {
        assertThat(row.kind()).as(row.format()).isEqualTo(kind);
        assertThat(row.findings()).as(row.format()).anyMatch(f -> f.kind() == kind && f.rule().equals(rule));
    }

    @Test
    void aConsistentWorldIsAllMatch() {
        InvariantChecker.Result result = checker.check(new World().snapshot());
        assertThat(result.violations()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.byKind().get(Kind.MATCH)).isEqualTo(5); // 4 orders + 1 product
    }

    @Test
    void twoApprovalsOfOneOrderAreADuplicate() {
        World w = new World();
        w.approvals.put("paid", 2);
        assertFinding(row(w, "paid"), Kind.DUPLICATE, "one-approval");
    }

    @Test
    void twoApprovedPaymentsAtTossForOneOrderAreADuplicate() {
        World w = new World();
        w.toss.get("paid").add(new TossPayment("paid", "pk-paid-2", "DONE", 18_000, 18_000, List.of()));
        assertFinding(row(w, "paid"), Kind.DUPLICATE, "one-approval");
    }

    @Test
    void twoMappingsAreADuplicate() {
        World w = new World();
        w.payments.put("paid", new Payment("paid", "DONE", 18_000, 18_000, "pk-paid", null, NOW, 2));
        assertFinding(row(w, "paid"), Kind.DUPLICATE, "one-mapping");
    }

    @Test
    void paidAtTossWithoutAnOrderIsMissing() {
        World w = new World();
        w.orders.remove("paid");
        assertFinding(row(w, "paid"), Kind.MISSING, "one-live-order");
    }

    @Test
    void paidAtTossWithAFailedOrderAndNoRefundIsAMismatch() {
        World w = new World();
        w.orders.put("paid", List.of(new Order("paid", "FAILED", 18_000, 0, "OUT_OF_STOCK", false, Map.of("MUG", 2))));
        w.products.set(0, new Product("MUG", 10, 7));
        assertFinding(row(w, "paid"), Kind.MISMATCH, "one-live-order");
    }

    @Test
    void paidAtTossWithoutASaleEntryIsMissing() {
        World w = new World();
        w.entries.remove("paid");
        assertFinding(row(w, "paid"), Kind.MISSING, "settlement");
    }

    @Test
    void aSaleBookedTwiceIsADuplicate() {
        World w = new World();
        w.entries.get("paid").add(new Entry("paid", "SALE", 18_000, 500, 50, 17_450, "tx-paid-again"));
        assertFinding(row(w, "paid"), Kind.DUPLICATE, "applied-once");
    }

    @Test
    void aCancelBookedTwiceIsADuplicate() {
        World w = new World();
        w.entries.get("part").add(new Entry("part", "CANCEL", -9_000, -266, -26, -8_708, "tx-part-c"));
        assertFinding(row(w, "part"), Kind.DUPLICATE, "applied-once");
    }

    @Test
    void aBalanceThatDiffersFromTossIsAMismatch() {
        World w = new World();
        w.payments.put("part", new Payment("part", "PARTIAL_CANCELED", 27_000, 27_000, "pk-part", null, NOW, 1));
        assertFinding(row(w, "part"), Kind.MISMATCH, "balance");
    }

    @Test
    void aRefundAtTossThatSettlementNeverBookedIsMissing() {
        World w = new World();
        w.entries.get("part").removeIf(e -> e.type().equals("CANCEL"));
        Row row = row(w, "part");
        assertFinding(row, Kind.MISSING, "cancel-in-settlement");
    }

    @Test
    void aRefundAtTossThatPaymentServiceNeverRecordedIsMissing() {
        World w = new World();
        w.cancels.remove("part");
        w.customers.put("part", new Customer("part", "card", "pk-part", 27_000, Told.PAID, 0));
        w.payments.put("part", new Payment("part", "PARTIAL_CANCELED", 27_000, 18_000, "pk-part", null, NOW, 1));
        assertFinding(row(w, "part"), Kind.MISSING, "cancel-recorded");
    }

    @Test
    void aNetThatIsNotGrossLessFeeAndVatIsAMismatch() {
        World w = new World();
        w.entries.put("paid", List.of(new Entry("paid", "SALE", 18_000, 500, 50, 17_500, "tx-paid")));
        assertFinding(row(w, "paid"), Kind.MISMATCH, "settlement-net");
    }

    @Test
    void aFullRefundThatLeavesAFeeIsAMismatch() {
        World w = new World();
        w.entries.put("comp", List.of(new Entry("comp", "SALE", 9_000, 300, 30, 8_670, "tx-comp"),
                new Entry("comp", "CANCEL", -9_000, 0, 0, -9_000, "tx-comp-c")));
        assertFinding(row(w, "comp"), Kind.MISMATCH, "settlement-net");
    }

    @Test
    void aRefundAtTossWithTheOrderStillFailedIsAMismatch() {
        World w = new World();
        w.orders.put("comp", List.of(new Order("comp", "FAILED", 9_000, 0, "OUT_OF_STOCK", false, Map.of("MUG", 1))));
        assertFinding(row(w, "comp"), Kind.MISMATCH, "refunded-everywhere");
    }

    @Test
    void anOrderWhoseRefundsDifferFromTossIsAMismatch() {
        World w = new World();
        w.orders.put("part", List.of(new Order("part", "PARTIALLY_REFUNDED", 27_000, 18_000, null, false, Map.of("MUG", 3))));
        assertFinding(row(w, "part"), Kind.MISMATCH, "order-refunds");
    }

    @Test
    void anOrderWithoutMoneyAtTossIsAMismatch() {
        World w = new World();
        w.orders.put("left", List.of(new Order("left", "CREATED", 9_000, 0, null, false, Map.of("MUG", 1))));
        w.products.set(0, new Product("MUG", 10, 4));
        assertFinding(row(w, "left"), Kind.MISMATCH, "order-without-money");
    }

    @Test
    void aCustomerToldPaidWithoutAnApprovalIsAMismatch() {
        World w = new World();
        w.customers.put("left", new Customer("left", "card", "pk-left", 9_000, Told.PAID, 0));
        assertFinding(row(w, "left"), Kind.MISMATCH, "customer-told");
    }

    @Test
    void aCustomerToldFailedWhoWasChargedIsAMismatch() {
        World w = new World();
        w.customers.put("paid", new Customer("paid", "card", "pk-paid", 18_000, Told.FAILED, 0));
        assertFinding(row(w, "paid"), Kind.MISMATCH, "customer-told");
    }

    @Test
    void anAcceptedOperatorRefundWithNoRefundRowIsMissing() {
        World w = new World();
        w.customers.put("paid", new Customer("paid", "card+refund", "pk-paid", 18_000, Told.PAID, 5_000));
        assertFinding(row(w, "paid"), Kind.MISSING, "refund-recorded");
    }

    @Test
    void anUnknownOutcomePastTheBudgetIsStuck() {
        World w = new World();
        w.payments.put("paid", new Payment("paid", "OUTCOME_UNKNOWN", 18_000, 18_000, "pk-paid", null,
                NOW.minusSeconds(600), 1));
        assertFinding(row(w, "paid"), Kind.STUCK, "recovery-budget");
    }

    @Test
    void anUnknownOutcomeInsideTheBudgetIsNotYetStuck() {
        World w = new World();
        w.payments.put("paid", new Payment("paid", "OUTCOME_UNKNOWN", 18_000, 18_000, "pk-paid", null,
                NOW.minusSeconds(30), 1));
        assertThat(row(w, "paid").kind()).isEqualTo(Kind.MATCH);
    }

    @Test
    void aRefundStillRetryingIsStuckAndAParkedOneIsInReview() {
        World w = new World();
        w.cancels.put("comp", List.of(new Cancel("comp", "ORDER_CREATION_FAILED", 9_000L, "RETRYING", null)));
        assertFinding(row(w, "comp"), Kind.STUCK, "recovery-budget");

        World parked = new World();
        parked.cancels.put("comp", List.of(new Cancel("comp", "ORDER_CREATION_FAILED", 9_000L, "PARKED", null)));
        parked.payments.put("comp", new Payment("comp", "DONE", 9_000, 9_000, "pk-comp", null, NOW, 1));
        parked.toss.put("comp", List.of(new TossPayment("comp", "pk-comp", "DONE", 9_000, 9_000, List.of())));
        parked.orders.put("comp", List.of(new Order("comp", "FAILED", 9_000, 0, "OUT_OF_STOCK", false, Map.of("MUG", 1))));
        parked.entries.put("comp", List.of(new Entry("comp", "SALE", 9_000, 300, 30, 8_670, "tx-comp")));
        InvariantChecker.Result result = checker.check(parked.snapshot());
        assertThat(result.clean()).as(result.violations().toString()).isTrue();
        assertThat(result.inReview()).isEqualTo(1);
    }

    @Test
    void stockThatDriftsOrGoesNegativeIsAMismatch() {
        World w = new World();
        w.products.set(0, new Product("MUG", 10, 6)); // one mug came back that no order returned
        assertFinding(row(w, "product:MUG"), Kind.MISMATCH, "stock");

        World negative = new World();
        negative.products.set(0, new Product("MUG", 4, -1));
        assertThat(row(negative, "product:MUG").findings()).anyMatch(f -> f.reason().startsWith("negative"));
    }

    @Test
    void aCanceledOrderGivesItsStockBackOnce() {
        World w = new World();
        w.orders.put("paid", List.of(new Order("paid", "CANCELED", 18_000, 18_000, null, true, Map.of("MUG", 2))));
        w.payments.put("paid", new Payment("paid", "CANCELED", 18_000, 0, "pk-paid", null, NOW, 1));
        w.cancels.put("paid", List.of(new Cancel("paid", "MANUAL", 18_000L, "SUCCEEDED", "tx-paid-c")));
        w.entries.get("paid").add(new Entry("paid", "CANCEL", -18_000, -500, -50, -17_450, "tx-paid-c"));
        w.toss.put("paid", List.of(new TossPayment("paid", "pk-paid", "CANCELED", 18_000, 0,
                List.of(new TossCancel(18_000, "tx-paid-c")))));
        w.products.set(0, new Product("MUG", 10, 7));
        assertThat(row(w, "product:MUG").kind()).isEqualTo(Kind.MATCH);
        w.products.set(0, new Product("MUG", 10, 9)); // given back twice
        assertFinding(row(w, "product:MUG"), Kind.MISMATCH, "stock");
    }

    @Test
    void anOutboxEventUnsentPastTheBudgetIsStuck() {
        World w = new World();
        w.unsent.add(new Snapshot.Unsent("order-service", "paid", "ORDER_CREATED", NOW.minusSeconds(900)));
        w.unsent.add(new Snapshot.Unsent("order-service", "part", "ORDER_CREATED", NOW.minusSeconds(5)));
        Row row = row(w, "outbox:order-service");
        assertThat(row.kind()).isEqualTo(Kind.STUCK);
        assertThat(row.findings()).hasSize(1);
    }

    @Test
    void aWebhookNeverProcessedIsStuck() {
        World w = new World();
        w.webhooks.add(new Snapshot.Webhook("paid", "RECEIVED", NOW.minusSeconds(900)));
        assertFinding(row(w, "webhooks"), Kind.STUCK, "webhook-processed");
    }

    @Test
    void theRowFormatNamesKindSubjectAndReasons() {
        World w = new World();
        w.orders.remove("paid");
        assertThat(row(w, "paid").format()).startsWith("missing|paid|one-live-order: Toss holds 18000 won but no order");
        assertThat(row(new World(), "paid").format()).isEqualTo("match|paid");
    }
}
