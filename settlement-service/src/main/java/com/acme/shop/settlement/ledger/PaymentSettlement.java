package com.acme.shop.settlement.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The settlement of one payment: what was sold and cancelled, what the PG keeps, and what it pays out
 * ({@code netAmount = grossAmount - canceledAmount - feeAmount - vatAmount}, the sum of the entries' nets).
 */
record PaymentSettlement(String orderId, String paymentKey, String method, String easyPayProvider, long grossAmount,
                         long canceledAmount, long feeAmount, long vatAmount, long netAmount, List<Entry> entries) {

    record Entry(EntryType type, String transactionKey, long amount, long fee, long vat, long net,
                 LocalDate salesDate, LocalDate payoutDate, Instant occurredAt) {
    }

    static PaymentSettlement of(String orderId, List<SettlementEntry> booked) {
        if (booked.isEmpty()) {
            throw new IllegalArgumentException("no entries for order " + orderId);
        }
        // Name the payment after its sale when it is in; a cancel replayed ahead of its sale carries the same keys.
        SettlementEntry first = booked.stream()
                .min(Comparator.comparing((SettlementEntry e) -> e.type() != EntryType.SALE)
                        .thenComparing(SettlementEntry::occurredAt))
                .orElseThrow();
        long gross = 0;
        long canceled = 0;
        long fee = 0;
        long vat = 0;
        long net = 0;
        for (SettlementEntry e : booked) {
            if (e.type() == EntryType.SALE) {
                gross += e.amount();
            } else {
                canceled -= e.amount();
            }
            fee += e.fee();
            vat += e.vat();
            net += e.net();
        }
        List<Entry> entries = booked.stream()
                .map(e -> new Entry(e.type(), e.transactionKey(), e.amount(), e.fee(), e.vat(), e.net(),
                        e.salesDate(), e.payoutDate(), e.occurredAt()))
                .toList();
        return new PaymentSettlement(orderId, first.paymentKey(), first.method(), first.easyPayProvider(), gross,
                canceled, fee, vat, net, entries);
    }
}
