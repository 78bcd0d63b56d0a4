package com.acme.shop.settlement.reconciliation;

import com.acme.shop.platform.web.ApiException;
import com.acme.shop.settlement.ledger.SalesDateRange;
import com.acme.shop.settlement.policy.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 정산 대사: compares the ledger entries of one Korean sales date with Toss's settlement rows of that date, matched by
 * {@code (paymentKey, transactionKey)}, and records every difference as a {@link ReconciliationMismatch}.
 *
 * <p>Re-running a date is idempotent: a difference found again updates its row (one row per transaction and kind,
 * unique in the database), a difference no longer found is RESOLVED, a new one is inserted; a person's decision about
 * a difference stands while its values stay the same ({@link ReconciliationMismatch#seenAgain}). The run's
 * {@code openMismatches} counts what is left OPEN for a person. Runs of the same date
 * serialise on a row lock of the date's {@link ReconciliationRun}. Toss is read before the transaction starts (it
 * may take up to 60 s), so no database lock is held while waiting for Toss.
 */
@Service
class Reconciliation {

    static final String RECONCILIATION_TOO_EARLY = "RECONCILIATION_TOO_EARLY";
    static final String TOSS_UNAVAILABLE = "TOSS_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final TossSettlementClient toss;
    private final ReconciliationRuns runs;
    private final ReconciliationMismatches mismatches;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final LocalDate firstSalesDate;

    Reconciliation(TossSettlementClient toss, ReconciliationRuns runs, ReconciliationMismatches mismatches,
                   JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                   @Value("${settlement.reconciliation.first-sales-date:2020-01-01}") LocalDate firstSalesDate) {
        this.firstSalesDate = firstSalesDate;
        this.toss = toss;
        this.runs = runs;
        this.mismatches = mismatches;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reconciles one sales date: from {@code settlement.reconciliation.first-sales-date} (the ledger's first possible
     * date) up to yesterday. Earlier or future dates cannot have anything to compare (400 {@code INVALID_DATE_RANGE});
     * today is too early, Toss lists a transaction from the next day on (400 {@code RECONCILIATION_TOO_EARLY}).
     */
    ReconciliationRun reconcile(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessCalendar.ZONE);
        if (date.isBefore(firstSalesDate) || date.isAfter(today)) {
            throw SalesDateRange.invalid("a reconciliation date lies within the ledger's life, " + firstSalesDate
                    + ".." + today.minusDays(1) + " (KST): " + date);
        }
        if (!date.isBefore(today)) {
            throw ApiException.badRequest(RECONCILIATION_TOO_EARLY, "Toss lists a day's settlement from the next "
                    + "day on (KST): " + date + " can be reconciled from " + date.plusDays(1));
        }
        Instant started = clock.instant();
        List<TossSettlementRow> tossRows;
        try {
            tossRows = toss.soldOn(date);
        } catch (TossSettlementClient.TossUnavailableException e) {
            log.warn("Reconciliation of {} failed: {}", date, e.getMessage());
            transactions.executeWithoutResult(tx -> lockedRun(date).failed(e.getMessage(), started, clock.instant()));
            throw new ApiException(HttpStatus.BAD_GATEWAY, TOSS_UNAVAILABLE,
                    "Toss settlements could not be read; the run is recorded as FAILED and can be repeated");
        }
        return transactions.execute(tx -> compareAndRecord(date, tossRows, started));
    }

    private ReconciliationRun lockedRun(LocalDate date) {
        runs.createIfAbsent(date, clock.instant());
        return runs.lock(date).orElseThrow();
    }

    private ReconciliationRun compareAndRecord(LocalDate date, List<TossSettlementRow> tossRows, Instant started) {
        ReconciliationRun run = lockedRun(date);
        Map<String, LedgerRow> ledger = new LinkedHashMap<>();
        for (LedgerRow row : ledgerRows(date)) {
            ledger.put(row.key(), row);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, TossSettlementRow> seenAtToss = new HashMap<>();
        for (TossSettlementRow toss : tossRows) {
            String key = toss.paymentKey() + "|" + toss.transactionKey();
            if (seenAtToss.putIfAbsent(key, toss) != null) {
                continue; // a row repeated across pages: compared once
            }
            LedgerRow booked = ledger.get(key);
            if (booked == null) {
                findings.add(missingInLedger(toss));
            } else {
                compare(booked, toss, findings);
            }
        }
        ledger.forEach((key, row) -> {
            if (!seenAtToss.containsKey(key)) {
                findings.add(new Finding(row.paymentKey(), row.transactionKey(), row.orderId(),
                        MismatchKind.MISSING_AT_TOSS, Long.toString(row.amount()), null));
            }
        });
        Instant now = clock.instant();
        Map<String, ReconciliationMismatch> existing = new HashMap<>();
        mismatches.findBySalesDate(date).forEach(m -> existing.put(m.key(), m));
        int open = 0;
        for (Finding finding : findings) {
            ReconciliationMismatch known = existing.remove(finding.key());
            if (known == null) {
                known = mismatches.save(ReconciliationMismatch.detected(date, finding, now));
            } else {
                known.seenAgain(finding, now);
            }
            if (known.status() == MismatchStatus.OPEN) {
                open++;
            }
        }
        existing.values().forEach(gone -> gone.noLongerFound(now));
        run.succeeded(ledger.size(), seenAtToss.size(), open, started, now);
        log.info("Reconciled {}: {} ledger rows, {} Toss rows, {} differences, {} of them open", date, ledger.size(),
                seenAtToss.size(), findings.size(), open);
        return run;
    }

    private Finding missingInLedger(TossSettlementRow toss) {
        List<LocalDate> elsewhere = jdbc.queryForList(
                "SELECT sales_date FROM settlement_entry WHERE payment_key = ? AND transaction_key = ?",
                LocalDate.class, toss.paymentKey(), toss.transactionKey());
        if (!elsewhere.isEmpty()) {
            return new Finding(toss.paymentKey(), toss.transactionKey(), toss.orderId(), MismatchKind.SALES_DATE,
                    elsewhere.get(0).toString(), String.valueOf(toss.soldDate()));
        }
        return new Finding(toss.paymentKey(), toss.transactionKey(), toss.orderId(), MismatchKind.MISSING_IN_LEDGER,
                null, Long.toString(toss.amount()));
    }

    private static void compare(LedgerRow booked, TossSettlementRow toss, List<Finding> findings) {
        differs(booked, MismatchKind.AMOUNT, booked.amount(), toss.amount(), findings);
        differs(booked, MismatchKind.FEE, booked.fee(), toss.feeWithoutVat(), findings);
        differs(booked, MismatchKind.VAT, booked.vat(), toss.vatOrZero(), findings);
        differs(booked, MismatchKind.PAYOUT_AMOUNT, booked.net(), toss.payOut(), findings);
        if (!booked.payoutDate().equals(toss.paidOutDate())) {
            findings.add(new Finding(booked.paymentKey(), booked.transactionKey(), booked.orderId(),
                    MismatchKind.PAYOUT_DATE, booked.payoutDate().toString(), String.valueOf(toss.paidOutDate())));
        }
    }

    private static void differs(LedgerRow booked, MismatchKind kind, long ours, long theirs, List<Finding> findings) {
        if (ours != theirs) {
            findings.add(new Finding(booked.paymentKey(), booked.transactionKey(), booked.orderId(), kind,
                    Long.toString(ours), Long.toString(theirs)));
        }
    }

    private record LedgerRow(String paymentKey, String transactionKey, String orderId, long amount, long fee, long vat,
                             long net, LocalDate payoutDate) {

        String key() {
            return paymentKey + "|" + transactionKey;
        }
    }

    private List<LedgerRow> ledgerRows(LocalDate date) {
        return jdbc.query("""
                SELECT payment_key, transaction_key, order_id, amount, fee, vat, net, payout_date
                FROM settlement_entry WHERE sales_date = ? ORDER BY id""",
                (rs, i) -> new LedgerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, LocalDate.class)), date);
    }
}
