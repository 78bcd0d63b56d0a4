package com.acme.shop.settlement.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The latest reconciliation of one sales date and how often it ran. */
@Entity
@Table(name = "reconciliation_run")
class ReconciliationRun {

    enum Status { RUNNING, SUCCEEDED, FAILED }

    @Id
    @Column(name = "sales_date", nullable = false)
    private LocalDate salesDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "runs", nullable = false)
    private int runs;

    @Column(name = "ledger_rows", nullable = false)
    private int ledgerRows;

    @Column(name = "toss_rows", nullable = false)
    private int tossRows;

    @Column(name = "open_mismatches", nullable = false)
    private int openMismatches;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ReconciliationRun() {
    }

    void succeeded(int ledgerRows, int tossRows, int openMismatches, Instant startedAt, Instant now) {
        this.runs++;
        this.status = Status.SUCCEEDED;
        this.ledgerRows = ledgerRows;
        this.tossRows = tossRows;
        this.openMismatches = openMismatches;
        this.lastError = null;
        this.startedAt = startedAt;
        this.finishedAt = now;
    }

    /** A person resolved or ignored one of this date's open mismatches. */
    void mismatchClosed() {
        this.openMismatches = Math.max(0, openMismatches - 1);
    }

    /** Toss could not be read: the mismatches of the last good run stay as they were. */
    void failed(String error, Instant startedAt, Instant now) {
        this.runs++;
        this.status = Status.FAILED;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        this.startedAt = startedAt;
        this.finishedAt = now;
    }

    LocalDate salesDate() {
        return salesDate;
    }

    Status status() {
        return status;
    }

    int runs() {
        return runs;
    }

    int ledgerRows() {
        return ledgerRows;
    }

    int tossRows() {
        return tossRows;
    }

    int openMismatches() {
        return openMismatches;
    }

    String lastError() {
        return lastError;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
