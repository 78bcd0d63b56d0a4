package com.acme.shop.settlement.export;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.settlement.ledger.SalesDateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "export", description = "The finance workbook (.xlsx), streamed or as a job")
@Door(Caller.SERVICE)
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
    @Operation(summary = "The finance workbook for sales dates from..to (at most 366 days), streamed as it is written")
    @ApiResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @ApiProblem(status = 503, codes = "EXPORT_BUSY",
            when = "every connection of the export pool is streaming another export; try again after `Retry-After` seconds")
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
