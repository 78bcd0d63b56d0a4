package com.acme.shop.settlement.export;

import com.acme.shop.platform.jdbc.UtcTime;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.settlement.ledger.LedgerSeed;
import com.acme.shop.settlement.ledger.SalesDateRange;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export as a job: started over HTTP, written by the durable-job runner to a file, followed to 100 %, and the
 * file read back with Apache POI and compared cell by cell with the streaming export of the same range. Sales dates
 * from June to September 2017 belong to this test; its ledger rows are seeded straight into the table.
 */
class ExportJobIT extends AbstractIntegrationTest {

    private static final String OPERATOR = "finance.kim";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private SettlementExport export;

    @Autowired
    private ExportJobs jobs;

    @Autowired
    private ExportFiles files;

    @Autowired
    private ExportJobWorker worker;

    /** Leaves no job of this test open for the tests after it (one is left RUNNING on purpose below). */
    @AfterEach
    void closeOpenJobs() {
        jdbc.update("UPDATE export_job SET status = 'FAILED', active_range = NULL "
                + "WHERE status IN ('QUEUED', 'RUNNING') AND range_from BETWEEN '2017-06-01' AND '2017-09-30'");
    }

    @Test
    void aJobWritesTheStreamingExportsWorkbookToAFileWithProgressUpTo100() throws Exception {
        // given: a month of 12,000 sales and mismatches in each state
        SalesDateRange june = new SalesDateRange(LocalDate.parse("2017-06-01"), LocalDate.parse("2017-06-30"));
        LedgerSeed.sales(jdbc, "job", 12_000, june.from(), 30);
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        LedgerSeed.mismatch(jdbc, LocalDate.parse("2017-06-03"), "OPEN", null, null, at);
        LedgerSeed.mismatch(jdbc, LocalDate.parse("2017-06-04"), "IGNORED", "finance.lee", "=1원 단수 차이", at);
        LedgerSeed.mismatch(jdbc, LocalDate.parse("2017-06-05"), "RESOLVED", "finance.kim", "토스 확인 완료", at);
        LedgerSeed.mismatch(jdbc, LocalDate.parse("2017-06-06"), "RESOLVED", null, null, at);
        String body = "{\"from\":\"2017-06-01\",\"to\":\"2017-06-30\"}";

        // when: both export connections are busy, the job waits its turn, and asking again finds it
        Response first;
        try (SettlementExport.Session a = export.open(june); SettlementExport.Session b = export.open(june)) {
            first = post("/api/v1/settlements/exports", body, OPERATOR);
            assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
            assertThat(first.body().get("status").asString()).isEqualTo("QUEUED");
            assertThat(first.body().get("requestedBy").asString()).isEqualTo(OPERATOR);
            assertThat(first.body().get("from").asString()).isEqualTo("2017-06-01");
            assertThat(first.body().get("to").asString()).isEqualTo("2017-06-30");
            assertThat(first.body().get("fileName").asString()).isEqualTo("정산_20170601-20170630.xlsx");
            String id = first.body().get("id").asString();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(job(id).get("error").asString(""))
                    .contains("export pool"));
            Response again = post("/api/v1/settlements/exports", body, "finance.lee");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("id").asString()).isEqualTo(id);
            assertThat(again.body().get("requestedBy").asString()).isEqualTo(OPERATOR);
            Response early = get("/api/v1/settlements/exports/" + id + "/file");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.body().get("code").asString()).isEqualTo("EXPORT_NOT_READY");
            assertThat(job(id).get("status").asString()).isIn("QUEUED", "RUNNING");
        }
        String id = first.body().get("id").asString();

        // then: once a connection is free it runs to 100 % (progress never goes back)
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode now = job(id);
            progress.add(now.get("progress").asInt());
            return now.get("status").asString().equals("DONE");
        });
        assertThat(progress).isSorted().last().isEqualTo(100);
        JsonNode done = job(id);
        assertThat(done.get("rows").asLong()).isEqualTo(12_000);
        assertThat(done.get("totalRows").asLong()).isEqualTo(12_000);
        assertThat(done.get("attempts").asInt()).as("waiting for a connection spent no attempt").isEqualTo(1);
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(Instant.parse(done.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(done.get("finishedAt").asString()).plus(Duration.ofHours(24)));
        assertThat(get("/api/v1/settlements/exports?limit=5").body().get(0).get("id").asString()).isEqualTo(id);

        // and: the file is the streaming export's workbook, under the same name
        HttpResponse<byte[]> file = downloadFile("/api/v1/settlements/exports/" + id + "/file");
        HttpResponse<byte[]> streamed = downloadFile("/api/v1/settlements/export.xlsx?from=2017-06-01&to=2017-06-30");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ExportController.XLSX.toString());
        assertThat(file.headers().firstValue("Content-Disposition"))
                .isEqualTo(streamed.headers().firstValue("Content-Disposition"));
        assertThat(file.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(file.body().length);
        assertThat(done.get("fileSize").asLong()).isEqualTo(file.body().length);
        List<List<List<String>>> jobSheets = cells(file.body());
        assertThat(jobSheets).isEqualTo(cells(streamed.body()));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("요약", "거래내역", "대사불일치");
            Sheet detail = workbook.getSheet("거래내역");
            assertThat(detail.getLastRowNum()).isEqualTo(12_000);
            long amounts = 0;
            for (int r = 1; r <= detail.getLastRowNum(); r++) {
                amounts += (long) detail.getRow(r).getCell(8).getNumericCellValue();
            }
            assertThat(amounts).isEqualTo(jdbc.queryForObject("SELECT SUM(amount) FROM settlement_entry "
                    + "WHERE sales_date BETWEEN '2017-06-01' AND '2017-06-30'", Long.class));
            Row total = workbook.getSheet("요약").getRow(workbook.getSheet("요약").getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("합계");
            assertThat((long) total.getCell(7).getNumericCellValue()).isEqualTo(12_000L * 9_626);

            Sheet mismatches = workbook.getSheet("대사불일치");
            assertThat(texts(mismatches.getRow(0))).containsExactlyElementsOf(SettlementExport.MISMATCH_HEADERS);
            assertThat(mismatches.getLastRowNum()).isEqualTo(4);
            // 상태, 처리자, 메모 of each, in sales date order
            List<List<String>> decided = new ArrayList<>();
            for (int r = 1; r <= 4; r++) {
                Row row = mismatches.getRow(r);
                decided.add(List.of(text(row, 2), text(row, 11), text(row, 12)));
            }
            assertThat(decided).containsExactly(
                    List.of("미해결", "", ""),
                    List.of("무시", "finance.lee", "'=1원 단수 차이"),
                    List.of("해소", "finance.kim", "토스 확인 완료"),
                    List.of("해소", SettlementExport.RESOLVED_BY_RERUN, ""));
            assertThat(mismatches.getRow(2).getCell(10).getCellStyle().getDataFormatString())
                    .isEqualTo(SettlementExport.DATE_TIME);
        }

        // and: a request after the job is done starts a new one
        Response fresh = post("/api/v1/settlements/exports", body, OPERATOR);
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(fresh.body().get("id").asString()).isNotEqualTo(id);
        awaitStatus(fresh.body().get("id").asString(), "DONE");
    }

    @Test
    void concurrentRequestsForOneRangeShareOneJob() throws Exception {
        SalesDateRange july = new SalesDateRange(LocalDate.parse("2017-07-01"), LocalDate.parse("2017-07-31"));
        LedgerSeed.sales(jdbc, "jobc", 500, july.from(), 31);
        int requests = 8;
        List<Response> answers = new ArrayList<>();
        try (SettlementExport.Session a = export.open(july); SettlementExport.Session b = export.open(july)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String operator = "finance.op" + i;
                calls.add(() -> {
                    start.await();
                    return post("/api/v1/settlements/exports", "{\"from\":\"2017-07-01\",\"to\":\"2017-07-31\"}",
                            operator);
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
                List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
                start.countDown();
                for (Future<Response> future : futures) {
                    answers.add(future.get());
                }
            }
        }

        assertThat(answers).extracting(Response::status).containsOnly(200, 202);
        assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(answers).extracting(r -> r.body().get("id").asString()).containsOnly(
                answers.getFirst().body().get("id").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM export_job WHERE range_from = '2017-07-01'",
                Integer.class)).isEqualTo(1);
        awaitStatus(answers.getFirst().body().get("id").asString(), "DONE");
    }

    @Test
    void aJobWhoseInstanceDiedIsTakenOverOnceItsLeaseRunsOut() {
        SalesDateRange august = new SalesDateRange(LocalDate.parse("2017-08-01"), LocalDate.parse("2017-08-31"));
        LedgerSeed.sales(jdbc, "jobt", 3_000, august.from(), 31);
        // an instance took the job, wrote a third of it and stopped reporting: its lease still runs for a while
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO export_job (id, range_from, range_to, status, active_range, progress, rows_total,
                    rows_written, requested_by, attempts, next_attempt_at, created_at, started_at)
                VALUES (?, '2017-08-01', '2017-08-31', 'RUNNING', '2017-08-01/2017-08-31', 33, 3000, 1000,
                        'finance.kim', 1, ?, ?, ?)""", id, UtcTime.of(now.plusSeconds(3600)),
                UtcTime.of(now.minusSeconds(120)), UtcTime.of(now.minusSeconds(60)));

        // while the lease runs, no one else touches the job
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4)).until(() ->
                "RUNNING".equals(job(id).get("status").asString()) && job(id).get("attempts").asInt() == 1
                        && job(id).get("progress").asInt() == 33);

        // the lease runs out: another instance (this one) takes the job over and starts it again
        jdbc.update("UPDATE export_job SET next_attempt_at = ? WHERE id = ?", UtcTime.of(Instant.now().minusSeconds(1)),
                id);
        JsonNode done = awaitStatus(id, "DONE");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("rows").asLong()).isEqualTo(3_000);
        assertThat(Instant.parse(done.get("startedAt").asString())).as("still when the job first started")
                .isBefore(now.minusSeconds(59));
        assertThat(Files.exists(files.file(id))).isTrue();
        assertThat(downloadFile("/api/v1/settlements/exports/" + id + "/file").statusCode()).isEqualTo(200);
    }

    @Test
    void anAttemptThatLostItsJobToAnotherInstanceStopsAndWritesNothing() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // attempt 2 (another instance) holds the job; attempt 1, presumed dead, comes back
        jdbc.update("""
                INSERT INTO export_job (id, range_from, range_to, status, active_range, progress, rows_total,
                    rows_written, requested_by, attempts, next_attempt_at, created_at, started_at)
                VALUES (?, '2017-09-01', '2017-09-30', 'RUNNING', '2017-09-01/2017-09-30', 50, 100, 50,
                        'finance.kim', 2, ?, ?, ?)""", id, UtcTime.of(now.plusSeconds(3600)), UtcTime.of(now),
                UtcTime.of(now));
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM export_job WHERE id = ?", id);

        JobOutcome outcome = worker.run(new Job<>(id, 1, 3, now.plusSeconds(5)));

        assertThat(outcome).isInstanceOf(JobOutcome.Done.class);
        assertThat(jobs.progress(id, 1, 100L, 60, 60, now.plusSeconds(60))).isFalse();
        assertThat(jobs.done(id, 1, 100, 1_000, now)).isFalse();
        assertThat(jdbc.queryForMap("SELECT * FROM export_job WHERE id = ?", id)).isEqualTo(before);
        assertThat(Files.exists(files.file(id))).isFalse();
        assertThat(Files.exists(files.part(id, 1))).isFalse();
    }

    @Test
    void aJobThatKeepsFailingIsFailedAfterItsBudgetAndFreesItsRange() throws Exception {
        // the last attempt of the budget (3) cannot write its file: a directory stands where it would go
        String id = UUID.randomUUID().toString();
        Files.createDirectories(files.part(id, 3));
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO export_job (id, range_from, range_to, status, active_range, requested_by, attempts,
                    error, next_attempt_at, created_at)
                VALUES (?, '2017-09-01', '2017-09-30', 'QUEUED', '2017-09-01/2017-09-30', 'finance.kim', 2,
                        'the export failed: earlier', ?, ?)""", id, UtcTime.of(now), UtcTime.of(now));
        try {
            JsonNode failed = awaitStatus(id, "FAILED");
            assertThat(failed.get("error").asString()).contains("budget of 3 attempts spent").contains("export failed");
            assertThat(failed.get("finishedAt").isNull()).isFalse();
            Response file = get("/api/v1/settlements/exports/" + id + "/file");
            assertThat(file.status()).isEqualTo(409);
            assertThat(file.body().get("code").asString()).isEqualTo("EXPORT_FAILED");
        } finally {
            Files.deleteIfExists(files.part(id, 3));
        }

        Response again = post("/api/v1/settlements/exports", "{\"from\":\"2017-09-01\",\"to\":\"2017-09-30\"}",
                OPERATOR);
        assertThat(again.status()).as("the range is free again").isEqualTo(202);
        awaitStatus(again.body().get("id").asString(), "DONE");
    }

    @Test
    void filesPastTheirRetentionAreDeletedAndTheirJobsSaySo() throws Exception {
        String expired = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        Instant dayAndAHourAgo = Instant.now().minus(Duration.ofHours(25));
        jdbc.update("""
                INSERT INTO export_job (id, range_from, range_to, status, progress, rows_total, rows_written,
                    file_size, requested_by, attempts, next_attempt_at, created_at, started_at, finished_at)
                VALUES (?, '2017-06-01', '2017-06-02', 'DONE', 100, 0, 0, 4, 'finance.kim', 1, ?, ?, ?, ?)""",
                expired, UtcTime.of(dayAndAHourAgo), UtcTime.of(dayAndAHourAgo), UtcTime.of(dayAndAHourAgo),
                UtcTime.of(dayAndAHourAgo));
        Files.write(files.file(expired), new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(files.file(expired), FileTime.from(dayAndAHourAgo));
        Path leftover = files.part(UUID.randomUUID().toString(), 1);
        Files.write(leftover, new byte[] {1});
        Files.setLastModifiedTime(leftover, FileTime.from(dayAndAHourAgo));
        Files.write(files.file(fresh), new byte[] {1});
        Path notOurs = files.file(fresh).resolveSibling("keep-me.txt");
        Files.write(notOurs, new byte[] {1});
        Files.setLastModifiedTime(notOurs, FileTime.from(dayAndAHourAgo));

        assertThat(files.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(Files.exists(files.file(expired))).isFalse();
        assertThat(Files.exists(leftover)).isFalse();
        assertThat(Files.exists(files.file(fresh))).isTrue();
        assertThat(Files.exists(notOurs)).isTrue();
        Response gone = get("/api/v1/settlements/exports/" + expired + "/file");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body().get("code").asString()).isEqualTo("EXPORT_EXPIRED");
        assertThat(Instant.parse(job(expired).get("expiresAt").asString())).isBefore(Instant.now());
        Files.delete(files.file(fresh));
        Files.delete(notOurs);
    }

    @Test
    void refusesBadRequestsWithProblemsAndStartsNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM export_job", Integer.class);

        assertProblem(post("/api/v1/settlements/exports", "{\"from\":\"2017-06-01\",\"to\":\"2017-06-30\"}", null),
                400, "OPERATOR_REQUIRED");
        assertProblem(post("/api/v1/settlements/exports", "{\"from\":\"2017-06-30\",\"to\":\"2017-06-01\"}", OPERATOR),
                400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/exports", "{\"from\":\"2018-01-01\",\"to\":\"2017-06-01\"}", OPERATOR),
                400, "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/exports", "{\"from\":\"2017-06-01\"}", OPERATOR), 400,
                "INVALID_DATE_RANGE");
        assertProblem(post("/api/v1/settlements/exports", "{\"from\":20190601,\"to\":\"2017-06-30\"}", OPERATOR), 400,
                "MALFORMED_REQUEST");
        assertProblem(post("/api/v1/settlements/exports", null, OPERATOR), 400, "MALFORMED_REQUEST");
        assertProblem(get("/api/v1/settlements/exports/" + UUID.randomUUID()), 404, "EXPORT_NOT_FOUND");
        assertProblem(get("/api/v1/settlements/exports/not-a-job/file"), 404, "EXPORT_NOT_FOUND");
        assertProblem(get("/api/v1/settlements/exports?limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/settlements/exports?limit=101"), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/settlements/exports?limit=ten"), 400, "VALIDATION_FAILED");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM export_job", Integer.class)).isEqualTo(before);
    }

    private JsonNode job(String id) {
        Response response = get("/api/v1/settlements/exports/" + id);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> job(id).get("status").asString().equals(status));
        return job(id);
    }

    /** Every sheet as rows of cell texts, as a person sees them (formatted). */
    private static List<List<List<String>>> cells(byte[] xlsx) throws IOException {
        List<List<List<String>>> sheets = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    rows.add(texts(row));
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        return texts;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }
}
