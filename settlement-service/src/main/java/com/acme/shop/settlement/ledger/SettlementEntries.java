package com.acme.shop.settlement.ledger;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface SettlementEntries extends JpaRepository<SettlementEntry, Long> {

    List<SettlementEntry> findByOrderIdOrderByOccurredAtAscIdAsc(String orderId);

    boolean existsByPaymentKeyAndTransactionKey(String paymentKey, String transactionKey);

    Optional<SettlementEntry> findFirstByPaymentKeyAndTypeOrderByIdAsc(String paymentKey, EntryType type);

    @Query("""
            select new com.acme.shop.settlement.ledger.DailySettlement(
                e.salesDate,
                e.method,
                count(e),
                coalesce(sum(case when e.type = com.acme.shop.settlement.ledger.EntryType.SALE then e.amount else 0 end), 0),
                coalesce(sum(case when e.type = com.acme.shop.settlement.ledger.EntryType.CANCEL then -e.amount else 0 end), 0),
                coalesce(sum(e.fee), 0),
                coalesce(sum(e.vat), 0),
                coalesce(sum(e.net), 0))
            from SettlementEntry e
            where e.salesDate between :from and :to
            group by e.salesDate, e.method
            order by e.salesDate, e.method""")
    List<DailySettlement> dailyTotals(LocalDate from, LocalDate to);

    @Query("""
            select new com.acme.shop.settlement.ledger.UpcomingPayout(
                e.payoutDate,
                count(e),
                coalesce(sum(case when e.type = com.acme.shop.settlement.ledger.EntryType.SALE then e.amount else 0 end), 0),
                coalesce(sum(case when e.type = com.acme.shop.settlement.ledger.EntryType.CANCEL then -e.amount else 0 end), 0),
                coalesce(sum(e.fee), 0),
                coalesce(sum(e.vat), 0),
                coalesce(sum(e.net), 0))
            from SettlementEntry e
            where e.payoutDate between :from and :to
            group by e.payoutDate
            order by e.payoutDate""")
    List<UpcomingPayout> payoutsBetween(LocalDate from, LocalDate to);
}
