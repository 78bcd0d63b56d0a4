package com.acme.shop.settlement.reconciliation;

import com.acme.shop.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A person's decision about an OPEN mismatch: resolve it with a note, or ignore it with a reason. It takes the run
 * lock of the mismatch's date first, the lock a reconciliation of that date holds for its whole transaction, then the
 * mismatch's own row lock; so a decision and a run of the same date never interleave (the run reads the decision,
 * or the decision reads what the run wrote), and of two decisions about one mismatch the second waits and finds it
 * no longer OPEN (409 {@code MISMATCH_NOT_OPEN}).
 */
@Service
class MismatchDecisions {

    static final String MISMATCH_NOT_FOUND = "MISMATCH_NOT_FOUND";

    private static final Logger log = LoggerFactory.getLogger(MismatchDecisions.class);

    private final ReconciliationMismatches mismatches;
    private final ReconciliationRuns runs;
    private final Clock clock;

    MismatchDecisions(ReconciliationMismatches mismatches, ReconciliationRuns runs, Clock clock) {
        this.mismatches = mismatches;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional
    ReconciliationMismatch resolve(long id, String operator, String note) {
        ReconciliationMismatch mismatch = lockOpen(id);
        mismatch.resolve(operator, note, clock.instant());
        log.info("Mismatch {} ({} {} on {}) resolved by {}", id, mismatch.kind(), mismatch.paymentKey(),
                mismatch.salesDate(), operator);
        return mismatch;
    }

    @Transactional
    ReconciliationMismatch ignore(long id, String operator, String reason) {
        ReconciliationMismatch mismatch = lockOpen(id);
        mismatch.ignore(operator, reason, clock.instant());
        log.info("Mismatch {} ({} {} on {}) ignored by {}", id, mismatch.kind(), mismatch.paymentKey(),
                mismatch.salesDate(), operator);
        return mismatch;
    }

    /** The mismatch, locked behind its date's run; 404 when there is none, 409 when it is not OPEN. */
    private ReconciliationMismatch lockOpen(long id) {
        LocalDate date = mismatches.salesDateOf(id).orElseThrow(() -> notFound(id));
        ReconciliationRun run = runs.lock(date).orElse(null);
        ReconciliationMismatch mismatch = mismatches.lock(id).orElseThrow(() -> notFound(id));
        if (mismatch.status() != MismatchStatus.OPEN) {
            throw new MismatchNotOpenException(mismatch.id(), mismatch.status());
        }
        if (run != null) {
            run.mismatchClosed();
        }
        return mismatch;
    }

    static ApiException notFound(Object id) {
        return ApiException.notFound(MISMATCH_NOT_FOUND, "No reconciliation mismatch " + id);
    }
}
