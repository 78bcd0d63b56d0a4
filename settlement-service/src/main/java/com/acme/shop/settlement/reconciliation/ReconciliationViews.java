package com.acme.shop.settlement.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/** JSON shapes of the reconciliation API. */
final class ReconciliationViews {

    private ReconciliationViews() {
    }

    record RunView(LocalDate date, String status, int runs, int ledgerRows, int tossRows, int openMismatches,
                   String lastError, Instant startedAt, Instant finishedAt) {

        static RunView of(ReconciliationRun run) {
            return new RunView(run.salesDate(), run.status().name(), run.runs(), run.ledgerRows(), run.tossRows(),
                    run.openMismatches(), run.lastError(), run.startedAt(), run.finishedAt());
        }
    }

    /**
     * A mismatch. {@code status} OPEN, RESOLVED or IGNORED; {@code resolvedAt} when it left OPEN; {@code resolvedBy}
     * the operator who resolved or ignored it (null when a re-run resolved it); {@code note} their note or reason.
     */
    record MismatchView(long id, LocalDate salesDate, String kind, String kindLabel, String status,
                        String statusLabel, String paymentKey, String transactionKey, String orderId,
                        String ledgerValue, String tossValue, Instant firstDetectedAt, Instant lastDetectedAt,
                        Instant resolvedAt, String resolvedBy, String note) {

        static MismatchView of(ReconciliationMismatch m) {
            return new MismatchView(m.id(), m.salesDate(), m.kind().name(), m.kind().label(), m.status().name(),
                    m.status().label(), m.paymentKey(), m.transactionKey(), m.orderId(), m.ledgerValue(),
                    m.tossValue(), m.firstDetectedAt(), m.lastDetectedAt(), m.resolvedAt(), m.resolvedBy(), m.note());
        }
    }
}
