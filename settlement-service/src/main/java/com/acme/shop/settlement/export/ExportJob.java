package com.acme.shop.settlement.export;

import com.acme.shop.settlement.ledger.SalesDateRange;

import java.time.Instant;

/**
 * One export job as its row holds it: the range of sales dates, who asked, where it stands and how far it got.
 *
 * <pre>
 *   QUEUED ──lease──▶ RUNNING ──file written──▶ DONE
 *     ▲                  │ ╲
 *     └──retry / wait────┘  ╲──budget spent──▶ FAILED
 * </pre>
 *
 * A RUNNING job whose instance died keeps its status until its lease runs out; then it is due again and another
 * instance starts it over (the runner counts the attempt).
 *
 * @param progress    0..100: detail rows written / rows counted when the attempt started; 100 only when DONE
 * @param rowsTotal   detail rows (ledger entries) the attempt's snapshot holds; null before an attempt counted them
 * @param rowsWritten detail rows written so far; when DONE, the rows of the file
 */
record ExportJob(String id, SalesDateRange range, Status status, int progress, Long rowsTotal, long rowsWritten,
                 Long fileSize, String requestedBy, String error, int attempts, Instant createdAt, Instant startedAt,
                 Instant finishedAt) {

    enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        boolean open() {
            return this == QUEUED || this == RUNNING;
        }
    }

    boolean open() {
        return status.open();
    }

    /** The key that allows one open job per range. */
    static String activeRange(SalesDateRange range) {
        return range.from() + "/" + range.to();
    }

    /** Progress while running, from rows written of rows counted; never 100 before the file is complete. */
    static int progress(long written, long total) {
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(99, written * 100 / total);
    }
}
