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

    record MismatchView(long id, LocalDate salesDate, String kind, String kindLabel, String status, String paymentKey,
                        String transactionKey, String orderId, String ledgerValue, String tossValue,
                        Instant firstDetectedAt, Instant lastDetectedAt, Instant resolvedAt) {

        static MismatchView of(ReconciliationMismatch m) {
            return new MismatchView(m.id(), m.salesDate(), m.kind().name(), m.kind().label(), m.status().name(),
                    m.paymentKey(), m.transactionKey(), m.orderId(), m.ledgerValue(), m.tossValue(),
                    m.firstDetectedAt(), m.lastDetectedAt(), m.resolvedAt());
        }
    }
}
