package com.acme.shop.settlement.reconciliation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

interface ReconciliationMismatches extends JpaRepository<ReconciliationMismatch, Long> {

    List<ReconciliationMismatch> findBySalesDate(LocalDate salesDate);

    List<ReconciliationMismatch> findBySalesDateBetweenOrderBySalesDateAscIdAsc(LocalDate from, LocalDate to);

    List<ReconciliationMismatch> findBySalesDateBetweenAndStatusOrderBySalesDateAscIdAsc(LocalDate from, LocalDate to,
                                                                                         MismatchStatus status);
}
