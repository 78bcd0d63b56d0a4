package com.acme.shop.settlement.export;

import com.acme.shop.settlement.ledger.SalesDateRange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
     * written. The range is checked before anything is sent: a bad one is a 400 INVALID_DATE_RANGE problem.
     */
    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        SalesDateRange range = SalesDateRange.parse(from, to);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(
                        SettlementExport.fileName(range), SettlementExport.asciiFileName(range)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export.write(range, out));
    }
}
