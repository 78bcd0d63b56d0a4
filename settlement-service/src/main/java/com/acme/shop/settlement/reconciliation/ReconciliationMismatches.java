package com.acme.shop.settlement.reconciliation;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface ReconciliationMismatches extends JpaRepository<ReconciliationMismatch, Long> {

    List<ReconciliationMismatch> findBySalesDate(LocalDate salesDate);

    List<ReconciliationMismatch> findBySalesDateBetweenOrderBySalesDateAscIdAsc(LocalDate from, LocalDate to);

    List<ReconciliationMismatch> findBySalesDateBetweenAndStatusOrderBySalesDateAscIdAsc(LocalDate from, LocalDate to,
                                                                                         MismatchStatus status);

    /** The sales date of a mismatch, read without loading the mismatch (it is locked and read afterwards). */
    @Query("select m.salesDate from ReconciliationMismatch m where m.id = :id")
    Optional<LocalDate> salesDateOf(long id);

    /** The mismatch as it is now, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from ReconciliationMismatch m where m.id = :id")
    Optional<ReconciliationMismatch> lock(long id);
}
