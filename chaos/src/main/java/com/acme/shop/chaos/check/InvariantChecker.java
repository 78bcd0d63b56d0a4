package com.acme.shop.chaos.check;

import com.acme.shop.chaos.check.Row.Finding;
import com.acme.shop.chaos.check.Snapshot.Cancel;
import com.acme.shop.chaos.check.Snapshot.Customer;
import com.acme.shop.chaos.check.Snapshot.Entry;
import com.acme.shop.chaos.check.Snapshot.Order;
import com.acme.shop.chaos.check.Snapshot.Payment;
import com.acme.shop.chaos.check.Snapshot.TossCancel;
import com.acme.shop.chaos.check.Snapshot.TossPayment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules of design section 3 (docs/chaos.md lists them), applied to one {@link Snapshot}. Read-only and pure:
 * the same snapshot gives the same rows.
 */
public final class InvariantChecker {

    /** Our payment states that wait on nobody but us: past the budget they are stuck. */
    public static final Set<String> IN_FLIGHT = Set.of("IN_PROGRESS", "OUTCOME_UNKNOWN");

    /** Orders whose goods left (or are about to leave) the shelf: the one live order a paid payment has. */
    static final Set<String> LIVE_ORDER = Set.of("CREATED", "PARTIALLY_REFUNDED", "PREPARING", "SHIPPED");

    private final Duration budget;

    /** @param budget how long a saga may stay outside a terminal state (the recovery budget of the run) */
    public InvariantChecker(Duration budget) {
        this.budget = budget;
    }

    public Result check(Snapshot s) {
        Set<String> orderIds = new TreeSet<>();
        orderIds.addAll(s.customers().keySet());
        orderIds.addAll(s.payments().keySet());
        orderIds.addAll(s.orders().keySet());
        orderIds.addAll(s.entries().keySet());
        orderIds.addAll(s.toss().keySet());
        orderIds.addAll(s.cancels().keySet());
        List<Row> rows = new ArrayList<>();
        for (String orderId : orderIds) {
            rows.add(checkOrder(orderId, s));
        }
        rows.addAll(checkStock(s));
        rows.addAll(checkPipes(s));
        return new Result(rows);
    }

    private Row checkOrder(String orderId, Snapshot s) {
        List<Finding> f = new ArrayList<>();
        Customer customer = s.customers().get(orderId);
        Payment ours = s.payments().get(orderId);
        List<Cancel> cancels = s.cancels().getOrDefault(orderId, List.of());
        List<Order> orders = s.orders().getOrDefault(orderId, List.of());
        List<Entry> entries = s.entries().getOrDefault(orderId, List.of());
        List<TossPayment> atToss = s.toss().getOrDefault(orderId, List.of());
        List<TossPayment> approvedAtToss = atToss.stream().filter(TossPayment::approved).toList();
        String note = null;

        // 1. at most one approval at Toss and one mapping per order
        Integer approvals = s.tossApprovals().get(orderId);
        if (approvals != null && approvals > 1) {
            f.add(new Finding(Kind.DUPLICATE, "one-approval", "Toss approved " + approvals + " confirms"));
        }
        if (approvedAtToss.size() > 1) {
            f.add(new Finding(Kind.DUPLICATE, "one-approval", approvedAtToss.size() + " approved payments at Toss"));
        }
        if (ours != null && ours.mappings() > 1) {
            f.add(new Finding(Kind.DUPLICATE, "one-mapping", ours.mappings() + " payment_order_mapping rows"));
        }
        if (orders.size() > 1) {
            f.add(new Finding(Kind.DUPLICATE, "one-order", orders.size() + " orders"));
        }

        // 5. nothing in flight past its budget, unless in a review queue
        boolean inReview = false;
        if (ours != null) {
            if (IN_FLIGHT.contains(ours.status())) {
                Duration age = Duration.between(ours.updatedAt(), s.takenAt());
                if (age.compareTo(budget) > 0) {
                    f.add(new Finding(Kind.STUCK, "recovery-budget", "payment " + ours.status() + " for "
                            + age.toSeconds() + " s (budget " + budget.toSeconds() + " s)"));
                }
            }
            if (ours.status().equals("MANUAL_REVIEW")) {
                inReview = true;
                note = "in review: " + ours.reviewReason();
            }
        }
        for (Cancel c : cancels) {
            if (c.status().equals("REQUESTED") || c.status().equals("RETRYING")) {
                f.add(new Finding(Kind.STUCK, "recovery-budget", "refund " + c.cause() + " still " + c.status()));
            }
            else if (c.status().equals("PARKED")) {
                inReview = true;
                note = "in review: refund " + c.cause() + " parked";
            }
        }

        TossPayment toss = approvedAtToss.isEmpty() ? (atToss.isEmpty() ? null : atToss.getFirst()) : approvedAtToss.getFirst();
        boolean paidAtToss = toss != null && toss.approved();

        // what the customer was told against what happened
        if (customer != null) {
            if (customer.told() == Snapshot.Told.PAID && !paidAtToss) {
                f.add(new Finding(Kind.MISMATCH, "customer-told", "told PAID but Toss has "
                        + (toss == null ? "no payment" : toss.status())));
            }
            if (customer.told() == Snapshot.Told.FAILED && paidAtToss && toss.balance() > 0) {
                f.add(new Finding(Kind.MISMATCH, "customer-told", "told FAILED but Toss holds " + toss.balance()
                        + " won"));
            }
            if (customer.refundsAccepted() > 0 && cancels.stream().noneMatch(c -> c.cause().equals("MANUAL"))) {
                f.add(new Finding(Kind.MISSING, "refund-recorded", "operator refund of " + customer.refundsAccepted()
                        + " won accepted but no MANUAL refund row"));
            }
        }

        if (paidAtToss) {
            checkPaid(toss, ours, cancels, orders, entries, inReview, f);
        }
        else {
            checkNotPaid(toss, ours, orders, entries, f);
        }
        Kind kind = f.isEmpty() ? Kind.MATCH : f.getFirst().kind();
        return new Row(orderId, kind, f, note);
    }

    /** 2 and 3: money taken at Toss ends in one live order with its entries, or refunded and recorded everywhere. */
    private void checkPaid(TossPayment toss, Payment ours, List<Cancel> cancels, List<Order> orders,
                           List<Entry> entries, boolean inReview, List<Finding> f) {
        if (ours == null) {
            f.add(new Finding(Kind.MISSING, "paid-recorded", "Toss " + toss.status() + " but no payment row"));
            return;
        }
        if (IN_FLIGHT.contains(ours.status()) || inReview) {
            return; // the budget rule above says whether this is stuck; the review queue shows it to a person
        }
        if (!ours.status().equals(toss.status())) {
            f.add(new Finding(Kind.MISMATCH, "status", "Toss " + toss.status() + ", ours " + ours.status()));
        }
        if (ours.balance() != toss.balance()) {
            f.add(new Finding(Kind.MISMATCH, "balance", "Toss balance " + toss.balance() + ", ours " + ours.balance()));
        }
        if (ours.total() != toss.total()) {
            f.add(new Finding(Kind.MISMATCH, "amount", "Toss total " + toss.total() + ", ours " + ours.total()));
        }
        long tossCanceled = toss.cancels().stream().mapToLong(TossCancel::amount).sum();
        if (toss.total() - tossCanceled != toss.balance()) {
            f.add(new Finding(Kind.MISMATCH, "toss-ledger", "Toss total - cancels != balance"));
        }
        // every cancel at Toss recorded once in payment-service and once in settlement
        Map<String, Long> ourCancelTx = cancels.stream().filter(c -> c.status().equals("SUCCEEDED")
                        && c.transactionKey() != null)
                .collect(Collectors.groupingBy(Cancel::transactionKey, Collectors.counting()));
        Map<String, Long> entryCancelTx = entries.stream().filter(e -> e.type().equals("CANCEL"))
                .collect(Collectors.groupingBy(Entry::transactionKey, Collectors.counting()));
        for (TossCancel c : toss.cancels()) {
            if (!ourCancelTx.containsKey(c.transactionKey())) {
                f.add(new Finding(Kind.MISSING, "cancel-recorded", "Toss cancel " + c.transactionKey() + " ("
                        + c.amount() + " won) not recorded by payment-service"));
            }
            if (!entryCancelTx.containsKey(c.transactionKey())) {
                f.add(new Finding(Kind.MISSING, "cancel-in-settlement", "Toss cancel " + c.transactionKey() + " ("
                        + c.amount() + " won) has no CANCEL entry"));
            }
        }
        entryCancelTx.forEach((tx, n) -> {
            if (n > 1) {
                f.add(new Finding(Kind.DUPLICATE, "applied-once", "CANCEL entry " + tx + " booked " + n + " times"));
            }
            if (toss.cancels().stream().noneMatch(c -> c.transactionKey().equals(tx))) {
                f.add(new Finding(Kind.MISMATCH, "cancel-in-settlement", "CANCEL entry " + tx + " unknown to Toss"));
            }
        });
        ourCancelTx.forEach((tx, n) -> {
            if (toss.cancels().stream().noneMatch(c -> c.transactionKey().equals(tx))) {
                f.add(new Finding(Kind.MISMATCH, "cancel-recorded", "our refund " + tx + " unknown to Toss"));
            }
        });
        // settlement: one SALE of the whole amount, net = gross - cancels - fees - VAT, and a full refund owes nothing
        List<Entry> sales = entries.stream().filter(e -> e.type().equals("SALE")).toList();
        if (sales.isEmpty()) {
            f.add(new Finding(Kind.MISSING, "settlement", "no SALE entry"));
        }
        else if (sales.size() > 1) {
            f.add(new Finding(Kind.DUPLICATE, "applied-once", sales.size() + " SALE entries"));
        }
        else if (sales.getFirst().amount() != toss.total()) {
            f.add(new Finding(Kind.MISMATCH, "settlement", "SALE " + sales.getFirst().amount() + " won, Toss total "
                    + toss.total()));
        }
        for (Entry e : entries) {
            if (e.net() != e.amount() - e.fee() - e.vat()) {
                f.add(new Finding(Kind.MISMATCH, "settlement-net", "entry " + e.transactionKey() + " net " + e.net()
                        + " != amount - fee - VAT"));
            }
        }
        long booked = entries.stream().mapToLong(Entry::amount).sum();
        if (!sales.isEmpty() && booked != toss.balance()) {
            f.add(new Finding(Kind.MISMATCH, "settlement", "gross - cancels = " + booked + " won, Toss balance "
                    + toss.balance()));
        }
        if (toss.balance() == 0 && !entries.isEmpty()) {
            long fee = entries.stream().mapToLong(Entry::fee).sum();
            long vat = entries.stream().mapToLong(Entry::vat).sum();
            if (fee != 0 || vat != 0) {
                f.add(new Finding(Kind.MISMATCH, "settlement-net", "fully refunded but fee " + fee + ", VAT " + vat
                        + " remain"));
            }
        }
        // the order
        if (toss.balance() > 0) {
            List<Order> live = orders.stream().filter(o -> LIVE_ORDER.contains(o.status())).toList();
            if (live.isEmpty()) {
                f.add(new Finding(orders.isEmpty() ? Kind.MISSING : Kind.MISMATCH, "one-live-order",
                        "Toss holds " + toss.balance() + " won but " + (orders.isEmpty() ? "no order"
                                : "the order is " + orders.getFirst().status())));
            }
            else if (live.getFirst().total() - live.getFirst().refunded() != toss.balance()) {
                f.add(new Finding(Kind.MISMATCH, "order-refunds", "order total - refunded = "
                        + (live.getFirst().total() - live.getFirst().refunded()) + ", Toss balance " + toss.balance()));
            }
        }
        else {
            for (Order o : orders) {
                if (!o.status().equals("CANCELED")) {
                    f.add(new Finding(Kind.MISMATCH, "refunded-everywhere", "refunded at Toss but the order is "
                            + o.status()));
                }
                else if (o.refunded() != o.total()) {
                    f.add(new Finding(Kind.MISMATCH, "refunded-everywhere", "order CANCELED with refunded "
                            + o.refunded() + " of " + o.total()));
                }
            }
        }
    }

    /** Nothing may look paid on our side when Toss took no money. */
    private void checkNotPaid(TossPayment toss, Payment ours, List<Order> orders, List<Entry> entries,
                              List<Finding> f) {
        if (ours != null && Set.of("DONE", "PARTIAL_CANCELED").contains(ours.status())) {
            f.add(new Finding(Kind.MISMATCH, "paid-recorded", "ours " + ours.status() + " but Toss has "
                    + (toss == null ? "no payment" : toss.status())));
        }
        if (!orders.isEmpty()) {
            f.add(new Finding(Kind.MISMATCH, "order-without-money", "order " + orders.getFirst().status()
                    + " but Toss took no money"));
        }
        if (!entries.isEmpty()) {
            f.add(new Finding(Kind.MISMATCH, "order-without-money", entries.size()
                    + " settlement entries but Toss took no money"));
        }
    }

    /** stock = initial - sold + returned, never negative. */
    private List<Row> checkStock(Snapshot s) {
        Map<String, Long> taken = new HashMap<>();
        for (List<Order> orders : s.orders().values()) {
            for (Order o : orders) {
                boolean holds = LIVE_ORDER.contains(o.status())
                        || (o.status().equals("CANCELED") && o.failureReason() == null && !o.stockReturned());
                if (holds) {
                    o.lines().forEach((product, qty) -> taken.merge(product, (long) qty, Long::sum));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Snapshot.Product p : s.products()) {
            long expected = p.initialStock() - taken.getOrDefault(p.productId(), 0L);
            List<Finding> f = new ArrayList<>();
            if (p.stock() < 0) {
                f.add(new Finding(Kind.MISMATCH, "stock", "negative stock " + p.stock()));
            }
            if (p.stock() != expected) {
                f.add(new Finding(Kind.MISMATCH, "stock", "stock " + p.stock() + ", expected initial "
                        + p.initialStock() + " - held " + taken.getOrDefault(p.productId(), 0L) + " = " + expected));
            }
            rows.add(new Row("product:" + p.productId(), f.isEmpty() ? Kind.MATCH : f.getFirst().kind(), f, null));
        }
        return rows;
    }

    /** At least once: nothing left unsent in an outbox or unprocessed among webhooks past the budget. */
    private List<Row> checkPipes(Snapshot s) {
        Map<String, List<Finding>> bySubject = new HashMap<>();
        for (Snapshot.Unsent u : s.unsent()) {
            Duration age = Duration.between(u.createdAt(), s.takenAt());
            if (age.compareTo(budget) > 0) {
                bySubject.computeIfAbsent("outbox:" + u.service(), k -> new ArrayList<>())
                        .add(new Finding(Kind.STUCK, "at-least-once", u.eventType() + " of " + u.messageKey()
                                + " unsent for " + age.toSeconds() + " s"));
            }
        }
        for (Snapshot.Webhook w : s.webhooks()) {
            Duration age = Duration.between(w.receivedAt(), s.takenAt());
            if (w.state().equals("RECEIVED") && age.compareTo(budget) > 0) {
                bySubject.computeIfAbsent("webhooks", k -> new ArrayList<>())
                        .add(new Finding(Kind.STUCK, "webhook-processed", "webhook of " + w.orderId()
                                + " unprocessed for " + age.toSeconds() + " s"));
            }
        }
        List<Row> rows = new ArrayList<>();
        bySubject.forEach((subject, f) -> rows.add(new Row(subject, Kind.STUCK, f, null)));
        return rows;
    }

    /** All rows, and the summary by kind. */
    public record Result(List<Row> rows) {

        public Map<Kind, Integer> byKind() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                counts.put(k, 0);
            }
            rows.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
            return counts;
        }

        /** Violations by rule: how many findings each rule produced. */
        public Map<String, Integer> byRule() {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            rows.forEach(r -> r.findings().forEach(f -> counts.merge(f.kind().label() + " " + f.rule(), 1,
                    Integer::sum)));
            return counts;
        }

        public long inReview() {
            return rows.stream().filter(r -> r.note() != null && r.note().startsWith("in review")).count();
        }

        public List<Row> violations() {
            return rows.stream().filter(r -> r.kind() != Kind.MATCH).toList();
        }

        public boolean clean() {
            return violations().isEmpty();
        }
    }
}
