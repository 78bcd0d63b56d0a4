package com.acme.shop.settlement.reconciliation;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface ReconciliationRuns extends JpaRepository<ReconciliationRun, LocalDate> {

    /** Creates the date's run row unless it exists, so it can be locked (runs of one date serialise on it). */
    @Modifying
    @Query(value = """
            INSERT IGNORE INTO reconciliation_run
                (sales_date, status, runs, ledger_rows, toss_rows, open_mismatches, started_at)
            VALUES (:date, 'RUNNING', 0, 0, 0, 0, :now)""", nativeQuery = true)
    void createIfAbsent(LocalDate date, Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ReconciliationRun r where r.salesDate = :date")
    Optional<ReconciliationRun> lock(LocalDate date);

    List<ReconciliationRun> findBySalesDateBetweenOrderBySalesDate(LocalDate from, LocalDate to);
}
