package com.acme.shop.settlement.export;

import com.acme.shop.settlement.ledger.SalesDateRange;
import com.acme.shop.settlement.policy.BusinessCalendar;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the finance workbook for a range of Korean sales dates straight to an output stream (fastexcel), reading the
 * ledger with a streaming JDBC cursor, so neither the rows nor the file are ever held in memory.
 *
 * <ul>
 *   <li>요약 (summary): totals per sales date and payment method, then a 합계 row;</li>
 *   <li>거래내역 (detail): one row per ledger entry (approval or cancel), ordered by sales date; continued on
 *       거래내역 (2), ... past Excel's 1,048,576 rows;</li>
 *   <li>대사불일치 (mismatches): every reconciliation mismatch recorded for those sales dates, with its state
 *       (미해결, 해소, 무시), who closed it and their note.</li>
 * </ul>
 * All three sheets read one consistent snapshot (one read-only REPEATABLE READ transaction) on a connection of the
 * export's own pool ({@link ExportConnections}), never the one the Kafka listener needs. Amounts are numbers in
 * {@code #,##0}, dates real Excel dates, the header row is frozen and filtered, text is neutralised against formula
 * injection ({@link ExcelText}). fastexcel ignores column styles, so every number and date cell gets its format;
 * widths and the frozen pane are set before the first flush.
 */
@Service
class SettlementExport {

    static final String KRW = "#,##0";
    static final String DATE = "yyyy-mm-dd";
    static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";
    /** Excel's limit is 1,048,576 rows; one is the header. */
    static final int MAX_DATA_ROWS = 1_048_575;
    private static final int STYLE_BATCH = 1_000;
    /** Rows read per hand-over to the sheet writer, and hand-overs queued at most (bounded memory). */
    private static final int READ_BATCH = 2_000;
    private static final int BATCHES_IN_FLIGHT = 4;

    static final List<String> SUMMARY_HEADERS = List.of("매출일", "결제수단", "거래건수", "결제금액", "취소금액",
            "수수료", "부가세", "정산금액");
    static final List<String> DETAIL_HEADERS = List.of("매출일", "지급예정일", "거래구분", "주문번호", "결제키",
            "거래키", "결제수단", "간편결제사", "거래금액", "수수료", "부가세", "정산금액", "거래일시");
    static final List<String> MISMATCH_HEADERS = List.of("매출일", "불일치 유형", "상태", "주문번호", "결제키",
            "거래키", "장부 값", "토스 값", "최초 발견", "최근 확인", "처리 일시", "처리자", "메모");
    /** 처리자 of a mismatch that a later run no longer found: no person, the re-run resolved it. */
    static final String RESOLVED_BY_RERUN = "자동 (재대사)";

    private static final double[] SUMMARY_WIDTHS = {12, 12, 10, 16, 16, 14, 12, 16};
    private static final double[] DETAIL_WIDTHS = {12, 12, 10, 28, 30, 36, 12, 14, 14, 12, 10, 14, 20};
    private static final double[] MISMATCH_WIDTHS = {12, 18, 10, 28, 30, 36, 14, 14, 20, 20, 20, 16, 50};

    private final ExportConnections connections;
    private final int fetchSize;

    SettlementExport(ExportConnections connections, ExportProperties properties) {
        this.connections = connections;
        this.fetchSize = properties.fetchSize();
    }

    /** File name finance sees: 정산_YYYYMMDD-YYYYMMDD.xlsx. */
    public static String fileName(SalesDateRange range) {
        return "정산_" + compact(range.from()) + "-" + compact(range.to()) + ".xlsx";
    }

    static String asciiFileName(SalesDateRange range) {
        return "settlement_" + compact(range.from()) + "-" + compact(range.to()) + ".xlsx";
    }

    private static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }

    /**
     * Takes a connection of the export pool for one export, now, before anything is sent: when the pool is busy this
     * throws {@link ExportBusyException} (503) while the answer can still be a problem. The session must be written
     * once and closed, which gives the connection back.
     */
    public Session open(SalesDateRange range) {
        return new Session(range, connections.acquire());
    }

    /** Opens, writes and closes; returns the number of detail rows. */
    public long write(SalesDateRange range, OutputStream out) {
        try (Session session = open(range)) {
            return session.write(out);
        }
    }

    /** What an export job hears while its workbook is written. */
    public interface Progress {

        /** The snapshot holds {@code rows} detail rows (ledger entries); called once, before any is written. */
        void counted(long rows);

        /** {@code rows} detail rows are written so far. */
        void written(long rows);
    }

    /** One export holding one connection of the export pool until {@link #close()}. */
    public final class Session implements AutoCloseable {

        private final SalesDateRange range;
        private final Connection connection;
        private boolean closed;

        private Session(SalesDateRange range, Connection connection) {
            this.range = range;
            this.connection = connection;
        }

        /** Writes the workbook from one read-only snapshot; returns the number of detail rows. */
        public long write(OutputStream out) {
            return write(out, null);
        }

        /**
         * As {@link #write(OutputStream)}, telling {@code progress} first how many detail rows the snapshot holds,
         * then, every {@value #STYLE_BATCH} rows, how many are written (on the sheet writer's thread). An exception
         * thrown by {@code progress} ends the export with it.
         */
        public long write(OutputStream out, Progress progress) {
            try {
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                jdbc.setFetchSize(streamingFetchSize(connection, fetchSize));
                if (progress != null) {
                    Long rows = jdbc.queryForObject(
                            "SELECT COUNT(*) FROM settlement_entry WHERE sales_date BETWEEN ? AND ?", Long.class,
                            range.from(), range.to());
                    progress.counted(rows == null ? 0 : rows);
                }
                Workbook workbook = new Workbook(out, "settlement-service", "1.0");
                workbook.setCompressionLevel(1);
                summary(jdbc, workbook, range);
                long written = detail(jdbc, workbook, range, progress);
                mismatches(jdbc, workbook, range);
                workbook.finish();
                connection.commit();
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("the export's snapshot failed", e);
            }
        }

        /** Ends the snapshot (nothing was written to the database) and gives the connection back to the pool. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (connection) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                // the pool evicts a broken connection itself; nothing to give back
            }
        }
    }

    private void summary(JdbcTemplate jdbc, Workbook workbook, SalesDateRange range) throws IOException {
        Worksheet sheet = sheet(workbook, "요약", SUMMARY_HEADERS, SUMMARY_WIDTHS);
        long[] total = new long[6];
        int[] row = {0};
        jdbc.query("""
                SELECT sales_date, method, COUNT(*),
                       SUM(CASE WHEN entry_type = 'SALE' THEN amount ELSE 0 END),
                       SUM(CASE WHEN entry_type = 'CANCEL' THEN -amount ELSE 0 END),
                       SUM(fee), SUM(vat), SUM(net)
                FROM settlement_entry WHERE sales_date BETWEEN ? AND ?
                GROUP BY sales_date, method ORDER BY sales_date, method""", (ResultSet rs) -> {
            int r = ++row[0];
            date(sheet, r, 0, rs.getObject(1, LocalDate.class));
            sheet.value(r, 1, ExcelText.neutralise(rs.getString(2)));
            for (int i = 0; i < 6; i++) {
                long value = rs.getLong(3 + i);
                total[i] += value;
                sheet.value(r, 2 + i, value);
            }
            sheet.range(r, 2, r, 7).style().format(KRW).set();
        }, range.from(), range.to());
        int last = row[0] + 1;
        sheet.value(last, 0, "합계");
        for (int i = 0; i < 6; i++) {
            sheet.value(last, 2 + i, total[i]);
        }
        sheet.range(last, 0, last, 7).style().bold().format(KRW).set();
        finish(sheet, last, SUMMARY_HEADERS.size());
    }

    /**
     * Reads the ledger on this thread (the snapshot transaction's connection lives here) and writes the sheet
     * on a second one, so JDBC decoding and XML/deflate work overlap on two cores. Rows travel in batches with at
     * most {@value #BATCHES_IN_FLIGHT} batches queued, so memory stays flat however large the range.
     */
    private long detail(JdbcTemplate jdbc, Workbook workbook, SalesDateRange range, Progress progress)
            throws IOException {
        DetailWriter writer = new DetailWriter(workbook, progress);
        ExecutorService sheetWriter = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("excel-writer").daemon(true).factory());
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        List<Object[]> batch = new ArrayList<>(READ_BATCH);
        try {
            jdbc.query("""
                    SELECT sales_date, payout_date, entry_type, order_id, payment_key, transaction_key, method,
                           easy_pay_provider, amount, fee, vat, net, occurred_at
                    FROM settlement_entry WHERE sales_date BETWEEN ? AND ? ORDER BY sales_date, id""",
                    (ResultSet rs) -> {
                        batch.add(DetailWriter.read(rs));
                        if (batch.size() == READ_BATCH) {
                            handOver(sheetWriter, inFlight, writer, List.copyOf(batch));
                            batch.clear();
                        }
                    }, range.from(), range.to());
            handOver(sheetWriter, inFlight, writer, List.copyOf(batch));
            inFlight.add(sheetWriter.submit(() -> {
                writer.close();
                if (progress != null) {
                    progress.written(writer.total);
                }
                return null;
            }));
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
        } finally {
            sheetWriter.shutdownNow();
        }
        return writer.total;
    }

    private static void handOver(ExecutorService sheetWriter, Deque<Future<?>> inFlight, DetailWriter writer,
                                 List<Object[]> rows) {
        while (inFlight.size() >= BATCHES_IN_FLIGHT) {
            await(inFlight.poll());
        }
        inFlight.add(sheetWriter.submit(() -> {
            for (Object[] values : rows) {
                writer.row(values);
            }
            return null;
        }));
    }

    private static void await(Future<?> written) {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the export", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException(new IOException("writing the detail sheet failed", e.getCause()));
        }
    }

    /** Streams detail rows, styling and flushing every {@value #STYLE_BATCH} rows, starting a new sheet when full. */
    private final class DetailWriter {

        private final Workbook workbook;
        private final Progress progress;
        private Worksheet sheet;
        private int sheets;
        private int row;
        private int batchStart;
        private long total;

        DetailWriter(Workbook workbook, Progress progress) {
            this.workbook = workbook;
            this.progress = progress;
        }

        /** One ledger row as the sheet needs it, read on the reading thread (ResultSets are not shared). */
        static Object[] read(ResultSet rs) throws SQLException {
            return new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                    "SALE".equals(rs.getString(3)) ? "승인" : "취소",
                    ExcelText.neutralise(rs.getString(4)), ExcelText.neutralise(rs.getString(5)),
                    ExcelText.neutralise(rs.getString(6)), ExcelText.neutralise(rs.getString(7)),
                    rs.getString(8) == null ? null : ExcelText.neutralise(rs.getString(8)),
                    rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                    koreanTime(rs.getObject(13, LocalDateTime.class))};
        }

        /** Writes one row; called on the writer thread only. */
        void row(Object[] v) throws IOException {
            if (sheet != null && row == MAX_DATA_ROWS) {
                close();
            }
            if (sheet == null) {
                open();
            }
            int r = ++row;
            sheet.value(r, 0, (LocalDate) v[0]);
            sheet.value(r, 1, (LocalDate) v[1]);
            sheet.value(r, 2, (String) v[2]);
            sheet.inlineString(r, 3, (String) v[3]);
            sheet.inlineString(r, 4, (String) v[4]);
            sheet.inlineString(r, 5, (String) v[5]);
            sheet.value(r, 6, (String) v[6]);
            if (v[7] != null) {
                sheet.value(r, 7, (String) v[7]);
            }
            sheet.value(r, 8, (Long) v[8]);
            sheet.value(r, 9, (Long) v[9]);
            sheet.value(r, 10, (Long) v[10]);
            sheet.value(r, 11, (Long) v[11]);
            sheet.value(r, 12, (LocalDateTime) v[12]);
            total++;
            if (r - batchStart + 1 == STYLE_BATCH) {
                styleBatch();
                sheet.flush();
                if (progress != null) {
                    progress.written(total);
                }
            }
        }

        private void styleBatch() {
            if (row >= batchStart) {
                sheet.range(batchStart, 0, row, 1).style().format(DATE).set();
                sheet.range(batchStart, 8, row, 11).style().format(KRW).set();
                sheet.range(batchStart, 12, row, 12).style().format(DATE_TIME).set();
                batchStart = row + 1;
            }
        }

        private void open() {
            sheets++;
            sheet = sheet(workbook, sheets == 1 ? "거래내역" : "거래내역 (" + sheets + ")", DETAIL_HEADERS,
                    DETAIL_WIDTHS);
            row = 0;
            batchStart = 1;
        }

        /** Finishes the current sheet; with no rows at all, an empty 거래내역 sheet (headers only). */
        void close() throws IOException {
            if (sheet == null) {
                if (sheets > 0) {
                    return;
                }
                open();
            }
            styleBatch();
            finish(sheet, row, DETAIL_HEADERS.size());
            sheet = null;
        }
    }

    private void mismatches(JdbcTemplate jdbc, Workbook workbook, SalesDateRange range) throws IOException {
        Worksheet sheet = sheet(workbook, "대사불일치", MISMATCH_HEADERS, MISMATCH_WIDTHS);
        int[] row = {0};
        jdbc.query("""
                SELECT sales_date, kind, status, order_id, payment_key, transaction_key, ledger_value, toss_value,
                       first_detected_at, last_detected_at, resolved_at, resolved_by, note
                FROM reconciliation_mismatch WHERE sales_date BETWEEN ? AND ? ORDER BY sales_date, id""",
                (ResultSet rs) -> {
                    int r = ++row[0];
                    String status = rs.getString(3);
                    date(sheet, r, 0, rs.getObject(1, LocalDate.class));
                    sheet.value(r, 1, kindLabel(rs.getString(2)));
                    sheet.value(r, 2, statusLabel(status));
                    text(sheet, r, 3, rs.getString(4));
                    text(sheet, r, 4, rs.getString(5));
                    text(sheet, r, 5, rs.getString(6));
                    valueCell(sheet, r, 6, rs.getString(7));
                    valueCell(sheet, r, 7, rs.getString(8));
                    for (int i = 0; i < 3; i++) {
                        LocalDateTime at = rs.getObject(9 + i, LocalDateTime.class);
                        if (at != null) {
                            sheet.value(r, 8 + i, koreanTime(at));
                            sheet.style(r, 8 + i).format(DATE_TIME).set();
                        }
                    }
                    String resolvedBy = rs.getString(12);
                    if (resolvedBy != null) {
                        text(sheet, r, 11, resolvedBy);
                    } else if ("RESOLVED".equals(status)) {
                        sheet.value(r, 11, RESOLVED_BY_RERUN);
                    }
                    text(sheet, r, 12, rs.getString(13));
                }, range.from(), range.to());
        finish(sheet, row[0], MISMATCH_HEADERS.size());
    }

    /** Timestamps are stored as UTC wall-clock values (hibernate.jdbc.time_zone); finance reads Korean time. */
    private static LocalDateTime koreanTime(LocalDateTime utc) {
        return LocalDateTime.ofInstant(utc.toInstant(ZoneOffset.UTC), BusinessCalendar.ZONE);
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "미해결";
            case "RESOLVED" -> "해소";
            case "IGNORED" -> "무시";
            default -> ExcelText.neutralise(status);
        };
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "MISSING_AT_TOSS" -> "토스 누락";
            case "MISSING_IN_LEDGER" -> "장부 누락";
            case "SALES_DATE" -> "매출일 불일치";
            case "AMOUNT" -> "거래금액 불일치";
            case "FEE" -> "수수료 불일치";
            case "VAT" -> "부가세 불일치";
            case "PAYOUT_AMOUNT" -> "지급금액 불일치";
            case "PAYOUT_DATE" -> "지급일 불일치";
            default -> ExcelText.neutralise(kind);
        };
    }

    /** A mismatch value: a won amount becomes a number, an ISO date a date, anything else neutralised text. */
    private static void valueCell(Worksheet sheet, int r, int c, String value) {
        if (value == null) {
            return;
        }
        if (value.matches("-?\\d{1,18}")) {
            sheet.value(r, c, Long.parseLong(value));
            sheet.style(r, c).format(KRW).set();
            return;
        }
        try {
            date(sheet, r, c, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            text(sheet, r, c, value);
        }
    }

    private static void text(Worksheet sheet, int r, int c, String value) {
        if (value != null) {
            sheet.inlineString(r, c, ExcelText.neutralise(value));
        }
    }

    private static void date(Worksheet sheet, int r, int c, LocalDate date) {
        sheet.value(r, c, date);
        sheet.style(r, c).format(DATE).set();
    }

    /** A sheet with its bold header row, column widths and frozen header, all set before anything is flushed. */
    private static Worksheet sheet(Workbook workbook, String name, List<String> headers, double[] widths) {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.width(c, widths[c]);
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
        return sheet;
    }

    private static void finish(Worksheet sheet, int lastRow, int columns) throws IOException {
        sheet.setAutoFilter(0, 0, Math.max(lastRow, 0), columns - 1);
        sheet.finish();
    }

    /** MySQL Connector/J streams rows only with {@code Integer.MIN_VALUE}; MariaDB's driver streams with any size. */
    private static int streamingFetchSize(Connection connection, int fetchSize) throws SQLException {
        String driver = connection.getMetaData().getDriverName().toLowerCase(java.util.Locale.ROOT);
        return driver.contains("mysql") && !driver.contains("mariadb") ? Integer.MIN_VALUE : fetchSize;
    }
}
