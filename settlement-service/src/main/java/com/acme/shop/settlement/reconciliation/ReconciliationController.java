package com.acme.shop.settlement.reconciliation;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import com.acme.shop.settlement.ledger.SalesDateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/settlements")
@Tag(name = "reconciliation", description = "Reconciliation with Toss's settlements, and finance's decisions on mismatches")
@Door(Caller.SERVICE)
class ReconciliationController {

    static final String INVALID_STATUS = "INVALID_STATUS";
    /** Text a person writes: any characters but control characters, except the line breaks of a text area. */
    static final String TEXT = "[\\r\\n\\P{Cntrl}]*";
    /** A mismatch id as the database hands them out; anything else names no mismatch. */
    private static final java.util.regex.Pattern MISMATCH_ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");

    private final Reconciliation reconciliation;
    private final ReconciliationRuns runs;
    private final ReconciliationMismatches mismatches;
    private final MismatchDecisions decisions;

    ReconciliationController(Reconciliation reconciliation, ReconciliationRuns runs,
                             ReconciliationMismatches mismatches, MismatchDecisions decisions) {
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.mismatches = mismatches;
        this.decisions = decisions;
    }

    /** @param note what explains or corrected the difference: 1-500 characters, line breaks allowed */
    record ResolveRequest(@NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String note) {
    }

    /** @param reason why the difference is accepted: 1-500 characters, line breaks allowed */
    record IgnoreRequest(@NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
    }

    /** Reconciles one past sales date now (YYYY-MM-DD); repeating it is safe. */
    @Operation(summary = "Reconciles one past sales date with Toss's settlements now; repeating it is safe")
    @ApiProblem(status = 400, codes = {"INVALID_DATE_RANGE", "RECONCILIATION_TOO_EARLY"},
            when = "the date is missing or invalid, or today or later (Toss lists a day's settlement from the next day on)")
    @ApiProblem(status = 502, codes = "TOSS_UNAVAILABLE", when = "Toss's settlements could not be read; nothing changed, try again")
    @PostMapping("/reconciliations")
    ReconciliationViews.RunView reconcile(@RequestParam(required = false) String date) {
        return ReconciliationViews.RunView.of(reconciliation.reconcile(SalesDateRange.parseDate("date", date)));
    }

    /** The latest run of each date in the range. */
    @Operation(summary = "The latest reconciliation run of each sales date in the range")
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @GetMapping("/reconciliations")
    @Transactional(readOnly = true)
    List<ReconciliationViews.RunView> runs(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        SalesDateRange range = SalesDateRange.parse(from, to);
        return runs.findBySalesDateBetweenOrderBySalesDate(range.from(), range.to()).stream()
                .map(ReconciliationViews.RunView::of).toList();
    }

    /**
     * Resolves an OPEN mismatch with a note, as the operator named in {@code X-Operator} (400
     * {@code OPERATOR_REQUIRED} without one); 404 {@code MISMATCH_NOT_FOUND}, 409 {@code MISMATCH_NOT_OPEN}.
     */
    @Operation(summary = "Resolves an OPEN mismatch with a note, for the finance operator who decided")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 404, codes = "MISMATCH_NOT_FOUND", when = "no mismatch has this id")
    @ApiProblem(status = 409, codes = "MISMATCH_NOT_OPEN", when = "the mismatch was already resolved or ignored")
    @PostMapping("/mismatches/{id}/resolve")
    ReconciliationViews.MismatchView resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request) {
        long mismatch = mismatchId(id);
        String operator = Operator.required();
        return ReconciliationViews.MismatchView.of(decisions.resolve(mismatch, operator, text(request.note())));
    }

    /** Ignores an OPEN mismatch with a reason; otherwise as {@link #resolve}. */
    @Operation(summary = "Ignores an OPEN mismatch with a reason, for the finance operator who decided")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 404, codes = "MISMATCH_NOT_FOUND", when = "no mismatch has this id")
    @ApiProblem(status = 409, codes = "MISMATCH_NOT_OPEN", when = "the mismatch was already resolved or ignored")
    @PostMapping("/mismatches/{id}/ignore")
    ReconciliationViews.MismatchView ignore(@PathVariable String id, @Valid @RequestBody IgnoreRequest request) {
        long mismatch = mismatchId(id);
        String operator = Operator.required();
        return ReconciliationViews.MismatchView.of(decisions.ignore(mismatch, operator, text(request.reason())));
    }

    private static long mismatchId(String id) {
        if (!MISMATCH_ID.matcher(id).matches()) {
            throw MismatchDecisions.notFound(id.length() <= 20 ? id : id.substring(0, 20) + "…");
        }
        return Long.parseLong(id);
    }

    /** Stripped, with a text area's CRLF line breaks as LF. */
    private static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Mismatches of the sales dates in the range, optionally only those of one status. */
    @Operation(summary = "Mismatches of the sales dates in the range, optionally of one status")
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @ApiProblem(status = 400, codes = "INVALID_STATUS", when = "status is not OPEN, RESOLVED or IGNORED")
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
            throw ApiException.badRequest(INVALID_STATUS, "status must be one of "
                    + Arrays.toString(MismatchStatus.values()));
        }
    }

}
