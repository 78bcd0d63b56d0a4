package com.acme.shop.settlement.export;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import com.acme.shop.settlement.ledger.SalesDateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The finance export as a job, for ranges too large to stream while a browser waits: start one, follow its progress,
 * fetch its file (the same workbook and file name as {@code GET /export.xlsx}). One job per range is in flight at a
 * time: asking again for a range whose job is QUEUED or RUNNING answers that job.
 */
@RestController
@RequestMapping("/api/v1/settlements")
@Tag(name = "export", description = "The finance workbook (.xlsx), streamed or as a job")
@Door(Caller.SERVICE)
class ExportJobController {

    static final String EXPORT_NOT_FOUND = "EXPORT_NOT_FOUND";
    static final String EXPORT_NOT_READY = "EXPORT_NOT_READY";
    static final String EXPORT_FAILED = "EXPORT_FAILED";
    static final String EXPORT_EXPIRED = "EXPORT_EXPIRED";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern JOB_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ExportJobs jobs;
    private final ExportJobWorker worker;
    private final ExportFiles files;
    private final Clock clock;

    ExportJobController(ExportJobs jobs, ExportJobWorker worker, ExportFiles files, Clock clock) {
        this.jobs = jobs;
        this.worker = worker;
        this.files = files;
        this.clock = clock;
    }

    /** @param from first sales date (YYYY-MM-DD, KST); @param to last one; at most 366 days, as for export.xlsx */
    record ExportRequest(String from, String to) {
    }

    /**
     * An export job as the API shows it. {@code progress} 0..100 (100 only when DONE), {@code rows} detail rows written
     * so far (the file's rows when DONE), {@code totalRows} those the job's snapshot holds (null until counted);
     * {@code error} the last attempt's problem (while QUEUED again) or why it FAILED; {@code expiresAt} when the
     * file of a DONE job is deleted.
     */
    record ExportJobView(String id, String status, int progress, long rows, Long totalRows, LocalDate from,
                         LocalDate to, String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                         String error, int attempts, String fileName, Long fileSize, Instant expiresAt) {
    }

    /**
     * 202 with a new QUEUED job; 200 with the job already in flight for the same range. Needs {@code X-Operator} (the
     * job records who asked).
     */
    @Operation(summary = "Starts an export job for a range of sales dates, for an operator; 202 new, 200 already in flight")
    @ApiResponse(responseCode = "202", description = "A new QUEUED job")
    @ApiResponse(responseCode = "200", description = "The job already in flight for the same range")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "a date is missing, not YYYY-MM-DD, outside 2000-2100, reversed, or the range is longer than allowed")
    @PostMapping("/exports")
    ResponseEntity<ExportJobView> start(@RequestBody ExportRequest request) {
        SalesDateRange range = SalesDateRange.parse(request.from(), request.to());
        String operator = Operator.required();
        ExportJobs.Requested requested = jobs.request(range, operator, clock.instant());
        if (requested.created()) {
            worker.submit(requested.job().id());
        }
        return ResponseEntity.status(requested.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(view(requested.job()));
    }

    /** The latest jobs, newest first ({@code limit} 1-100, default 20; given empty counts as not given). */
    @Operation(summary = "The latest export jobs, newest first")
    @GetMapping("/exports")
    List<ExportJobView> latest(@RequestParam(required = false) String limit) {
        return jobs.latest(limit(limit)).stream().map(this::view).toList();
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String digits = value.strip();
        if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_LIMIT) {
            throw ApiException.badRequest("VALIDATION_FAILED", "limit must be a whole number 1-" + MAX_LIMIT);
        }
        return Integer.parseInt(digits);
    }

    @Operation(summary = "One export job: status, progress, rows, error, when its file expires")
    @ApiProblem(status = 404, codes = "EXPORT_NOT_FOUND", when = "no export job has this id")
    @GetMapping("/exports/{id}")
    ExportJobView job(@PathVariable String id) {
        return view(find(id));
    }

    /**
     * The file of a DONE job, as {@code export.xlsx} names it. 409 {@code EXPORT_NOT_READY} while QUEUED or RUNNING
     * (with {@code jobStatus} and {@code progress}), 409 {@code EXPORT_FAILED} for a failed job, 410
     * {@code EXPORT_EXPIRED} once the retention deleted the file.
     */
    @Operation(summary = "The workbook of a DONE export job")
    @ApiResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiProblem(status = 404, codes = "EXPORT_NOT_FOUND", when = "no export job has this id")
    @ApiProblem(status = 409, codes = {"EXPORT_NOT_READY", "EXPORT_FAILED"},
            when = "the job is still QUEUED or RUNNING (with `jobStatus` and `progress`), or it failed")
    @ApiProblem(status = 410, codes = "EXPORT_EXPIRED", when = "the retention deleted the file; start a new job")
    @GetMapping("/exports/{id}/file")
    ResponseEntity<Resource> file(@PathVariable String id) {
        ExportJob job = find(id);
        switch (job.status()) {
            case QUEUED, RUNNING -> throw new ApiException(HttpStatus.CONFLICT, EXPORT_NOT_READY,
                    "The export is " + job.status() + " (" + job.progress() + "%); its file is offered when it is DONE",
                    Map.of("jobStatus", job.status().name(), "progress", job.progress()));
            case FAILED -> throw new ApiException(HttpStatus.CONFLICT, EXPORT_FAILED,
                    "The export failed and has no file; start a new one", Map.of("jobStatus", job.status().name()));
            case DONE -> {
            }
        }
        ExportFiles.Opened file = files.open(job.id()).orElseThrow(() -> new ApiException(HttpStatus.GONE,
                EXPORT_EXPIRED, "The export's file is no longer kept; start a new one"));
        return ResponseEntity.ok()
                .contentType(ExportController.XLSX)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(
                        SettlementExport.fileName(job.range()), SettlementExport.asciiFileName(job.range())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(file.content()));
    }

    private ExportJob find(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw ApiException.notFound(EXPORT_NOT_FOUND, "No export job with this id");
        }
        return jobs.find(id).orElseThrow(() -> ApiException.notFound(EXPORT_NOT_FOUND, "No export job " + id));
    }

    private ExportJobView view(ExportJob job) {
        boolean done = job.status() == ExportJob.Status.DONE;
        return new ExportJobView(job.id(), job.status().name(), done ? 100 : job.progress(), job.rowsWritten(),
                job.rowsTotal(), job.range().from(), job.range().to(), job.requestedBy(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.error(), job.attempts(), SettlementExport.fileName(job.range()),
                job.fileSize(), done ? files.expiresAt(job.finishedAt()) : null);
    }
}
