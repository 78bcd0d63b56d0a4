package com.acme.shop.settlement.reconciliation;

import com.acme.shop.platform.web.ApiException;
import com.acme.shop.settlement.ledger.SalesDateRange;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/settlements")
class ReconciliationController {

    static final String INVALID_STATUS = "INVALID_STATUS";

    private final Reconciliation reconciliation;
    private final ReconciliationRuns runs;
    private final ReconciliationMismatches mismatches;

    ReconciliationController(Reconciliation reconciliation, ReconciliationRuns runs,
                             ReconciliationMismatches mismatches) {
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.mismatches = mismatches;
    }

    /** Reconciles one past sales date now (YYYY-MM-DD); repeating it is safe. */
    @PostMapping("/reconciliations")
    ReconciliationViews.RunView reconcile(@RequestParam(required = false) String date) {
        return ReconciliationViews.RunView.of(reconciliation.reconcile(SalesDateRange.parseDate("date", date)));
    }

    /** The latest run of each date in the range. */
    @GetMapping("/reconciliations")
    @Transactional(readOnly = true)
    List<ReconciliationViews.RunView> runs(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        SalesDateRange range = SalesDateRange.parse(from, to);
        return runs.findBySalesDateBetweenOrderBySalesDate(range.from(), range.to()).stream()
                .map(ReconciliationViews.RunView::of).toList();
    }

    /** Mismatches of the sales dates in the range, optionally only OPEN or RESOLVED ones. */
    @GetMapping("/mismatches")
    @Transactional(readOnly = true)
    List<ReconciliationViews.MismatchView> mismatches(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String status) {
        SalesDateRange range = SalesDateRange.parse(from, to);
        List<ReconciliationMismatch> found = status == null || status.isBlank()
                ? mismatches.findBySalesDateBetweenOrderBySalesDateAscIdAsc(range.from(), range.to())
                : mismatches.findBySalesDateBetweenAndStatusOrderBySalesDateAscIdAsc(range.from(), range.to(),
                        status(status));
        return found.stream().map(ReconciliationViews.MismatchView::of).toList();
    }

    private static MismatchStatus status(String value) {
        try {
            return MismatchStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(INVALID_STATUS, "status must be OPEN or RESOLVED");
        }
    }

}
