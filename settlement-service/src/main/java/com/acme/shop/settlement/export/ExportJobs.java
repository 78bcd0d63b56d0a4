package com.acme.shop.settlement.export;

import com.acme.shop.platform.jdbc.UtcTime;
import com.acme.shop.settlement.ledger.SalesDateRange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code export_job} table. Each write is one statement in its own transaction. Writes of a running attempt are
 * conditional on the attempt count its lease set ({@code attempts = ?}) and on the row being RUNNING: when another
 * instance has taken the job over (its lease counted a further attempt), the old attempt's writes change nothing, it
 * learns that it lost the job and stops.
 */
@Component
class ExportJobs {

    private static final String COLUMNS = """
            id, range_from, range_to, status, progress, rows_total, rows_written, file_size, requested_by, error,
            attempts, created_at, started_at, finished_at""";
    private static final RowMapper<ExportJob> ROW = (rs, i) -> new ExportJob(rs.getString("id"),
            new SalesDateRange(rs.getObject("range_from", LocalDate.class), rs.getObject("range_to", LocalDate.class)),
            ExportJob.Status.valueOf(rs.getString("status")), rs.getInt("progress"),
            rs.getObject("rows_total", Long.class), rs.getLong("rows_written"), rs.getObject("file_size", Long.class),
            rs.getString("requested_by"), rs.getString("error"), rs.getInt("attempts"),
            UtcTime.read(rs, "created_at"), UtcTime.read(rs, "started_at"), UtcTime.read(rs, "finished_at"));
    /** Inserts racing for one range: a few rounds always settle (each round either inserts or finds the winner). */
    private static final int CREATE_ROUNDS = 5;

    private final JdbcTemplate jdbc;

    ExportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A job that was asked for: {@code created} false when an open job for the same range was found instead. */
    record Requested(ExportJob job, boolean created) {
    }

    /** A new QUEUED job for the range, due now; or the open job of that range if there is one. */
    Requested request(SalesDateRange range, String requestedBy, Instant now) {
        for (int round = 0; round < CREATE_ROUNDS; round++) {
            Optional<ExportJob> open = findOpen(range);
            if (open.isPresent()) {
                return new Requested(open.get(), false);
            }
            String id = UUID.randomUUID().toString();
            try {
                jdbc.update("""
                        INSERT INTO export_job (id, range_from, range_to, status, active_range, progress, rows_written,
                                                requested_by, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'QUEUED', ?, 0, 0, ?, 0, ?, ?)""",
                        id, range.from(), range.to(), ExportJob.activeRange(range), requestedBy, UtcTime.of(now),
                        UtcTime.of(now));
                return new Requested(find(id).orElseThrow(), true);
            } catch (DuplicateKeyException lostTheRace) {
                // another request for this range inserted first: the next round finds its job
            }
        }
        throw new IllegalStateException("could not create or find an export job for " + range);
    }

    Optional<ExportJob> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job WHERE id = ?", ROW, id).stream().findFirst();
    }

    Optional<ExportJob> findOpen(SalesDateRange range) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job WHERE active_range = ?", ROW,
                ExportJob.activeRange(range)).stream().findFirst();
    }

    List<ExportJob> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job ORDER BY created_at DESC, id LIMIT ?", ROW, limit);
    }

    /** The leased attempt starts over: RUNNING, nothing written yet. False when the job is no longer this attempt's. */
    boolean start(String id, int attempt, Instant now) {
        return jdbc.update("""
                UPDATE export_job SET status = 'RUNNING', progress = 0, rows_total = NULL, rows_written = 0,
                       started_at = COALESCE(started_at, ?)
                WHERE id = ? AND attempts = ? AND status IN ('QUEUED', 'RUNNING')""",
                UtcTime.of(now), id, attempt) == 1;
    }

    /**
     * Progress of a running attempt, which also extends its lease to {@code leaseUntil}. False when the job is no
     * longer this attempt's: it must stop.
     */
    boolean progress(String id, int attempt, Long rowsTotal, long rowsWritten, int progress, Instant leaseUntil) {
        return jdbc.update("""
                UPDATE export_job SET rows_total = COALESCE(?, rows_total), rows_written = ?, progress = ?,
                       next_attempt_at = ?
                WHERE id = ? AND attempts = ? AND status = 'RUNNING'""",
                rowsTotal, rowsWritten, progress, UtcTime.of(leaseUntil), id, attempt) == 1;
    }

    /** The file is complete. False when the job is no longer this attempt's (the one that took it over finishes it). */
    boolean done(String id, int attempt, long rows, long fileSize, Instant now) {
        return jdbc.update("""
                UPDATE export_job SET status = 'DONE', active_range = NULL, progress = 100, rows_total = ?,
                       rows_written = ?, file_size = ?, error = NULL, finished_at = ?
                WHERE id = ? AND attempts = ? AND status = 'RUNNING'""",
                rows, rows, fileSize, UtcTime.of(now), id, attempt) == 1;
    }

    /** The attempt did not finish: QUEUED again, due at {@code at}, with the reason. */
    void retryAt(String id, Instant at, String reason) {
        jdbc.update("""
                UPDATE export_job SET status = 'QUEUED', next_attempt_at = ?, error = ?
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""", UtcTime.of(at), shorten(reason), id);
    }

    /** The budget is spent: FAILED with the reason, and the range is free for a new job. */
    void fail(String id, String reason, Instant now) {
        jdbc.update("""
                UPDATE export_job SET status = 'FAILED', active_range = NULL, error = ?, finished_at = ?
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""", shorten(reason), UtcTime.of(now), id);
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }
}
