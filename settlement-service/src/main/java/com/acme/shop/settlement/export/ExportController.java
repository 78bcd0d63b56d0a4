package com.acme.shop.settlement.export;

import com.acme.shop.settlement.ledger.SalesDateRange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/settlements")
class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SettlementExport export;

    ExportController(SettlementExport export) {
        this.export = export;
    }

    /**
     * The finance workbook for sales dates {@code from}..{@code to} (YYYY-MM-DD, at most 366 days), streamed as it is
     * written. Checked before anything is sent: a bad range is 400 INVALID_DATE_RANGE, and when every connection of
     * the export pool is taken by other exports the answer is 503 EXPORT_BUSY with Retry-After, at once.
     */
    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        SalesDateRange range = SalesDateRange.parse(from, to);
        SettlementExport.Session session = export.open(range);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(
                        SettlementExport.fileName(range), SettlementExport.asciiFileName(range)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> {
                    try (session) {
                        session.write(out);
                    }
                });
    }

    @ExceptionHandler(ExportBusyException.class)
    ResponseEntity<ProblemDetail> busy(ExportBusyException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.toProblem());
    }
}
