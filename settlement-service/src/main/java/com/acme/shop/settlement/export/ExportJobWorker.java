package com.acme.shop.settlement.export;

import com.acme.shop.platform.jobs.DurableJob;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.platform.jobs.JobQueue;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.jobs.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes an export job's workbook to a file: the {@code settlement-export} queue of the platform's durable-job runner
 * (docs/durable-jobs.md), so a job survives restarts and runs once across instances. An attempt takes a connection of
 * the export's own pool ({@link ExportConnections}; all in use: it waits its turn without spending its budget), counts
 * the rows of its snapshot, writes {@code <id>.<attempt>.part} and reports progress every
 * {@code progress-interval}; each report also pushes its lease ahead. An instance that dies stops doing that, its
 * lease runs out and another instance starts the job over. A report that finds the job taken over ends the attempt
 * (its part is deleted). When the budget ({@code shop.jobs.settlement-export.max-attempts}) is spent the job is
 * FAILED with the last reason.
 */
@Component
class ExportJobWorker implements DurableJob<String> {

    static final String QUEUE = "settlement-export";
    static final JobTable TABLE = new JobTable("export_job", "id", "status", List.of("QUEUED", "RUNNING"), "FAILED",
            "next_attempt_at", "attempts", null);

    private static final Logger log = LoggerFactory.getLogger(ExportJobWorker.class);

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final SettlementExport export;
    private final Duration progressInterval;
    private final Clock clock;
    private final JobQueue<String> queue;

    ExportJobWorker(ExportJobs jobs, ExportFiles files, SettlementExport export, ExportJobProperties properties,
                    Clock clock, JobRunner runner) {
        this.jobs = jobs;
        this.files = files;
        this.export = export;
        this.progressInterval = properties.progressInterval();
        this.clock = clock;
        this.queue = runner.register(QUEUE, TABLE, String.class, this);
        if (queue.settings().lease().compareTo(progressInterval.multipliedBy(3)) < 0) {
            throw new IllegalStateException("shop.jobs." + QUEUE + ".lease must be at least three times "
                    + "settlement.export.jobs.progress-interval, or a running job's lease runs out between reports");
        }
    }

    /** Works on a job just created, right away (it is due now; the sweep would find it within a second too). */
    void submit(String id) {
        queue.submit(id);
    }

    @Override
    public JobOutcome run(Job<String> job) {
        ExportJob row = jobs.find(job.id()).orElse(null);
        if (row == null || !row.open()) {
            return JobOutcome.done();
        }
        Path part = files.part(job.id(), job.attempt());
        long rows;
        try (SettlementExport.Session session = export.open(row.range())) {
            if (!jobs.start(job.id(), job.attempt(), clock.instant())) {
                return JobOutcome.done(); // taken over since the lease: the other attempt has it
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                rows = session.write(out, new Heartbeat(job));
            }
        } catch (ExportBusyException busy) {
            return JobOutcome.waitTurn("every connection of the export pool is in use");
        } catch (LostJob lost) {
            files.delete(part);
            log.warn("Export job {} attempt {} stops: another instance has taken the job over", job.id(),
                    job.attempt());
            return JobOutcome.done();
        } catch (IOException | RuntimeException e) {
            files.delete(part);
            log.warn("Export job {} attempt {} failed: {}", job.id(), job.attempt(), e.toString());
            return JobOutcome.retryLater("the export failed: " + e);
        }
        if (!jobs.progress(job.id(), job.attempt(), rows, rows, ExportJob.progress(rows, rows),
                clock.instant().plus(queue.settings().lease()))) {
            files.delete(part); // taken over while the last rows were written: the other attempt's file counts
            return JobOutcome.done();
        }
        try {
            long size = Files.size(part);
            files.publish(part, job.id());
            if (jobs.done(job.id(), job.attempt(), rows, size, clock.instant())) {
                log.info("Export job {} ({}) done: {} rows, {} bytes, by {}", job.id(), row.range(), rows, size,
                        row.requestedBy());
            } else {
                log.warn("Export job {} attempt {} finished after the job was taken over; the other attempt's file "
                        + "replaces this one", job.id(), job.attempt());
            }
            return JobOutcome.done();
        } catch (IOException e) {
            files.delete(part);
            return JobOutcome.retryLater("the finished file could not be kept: " + e);
        }
    }

    @Override
    public void retryAt(String id, Instant at, String reason) {
        jobs.retryAt(id, at, reason);
    }

    @Override
    public void park(String id, String reason) {
        jobs.fail(id, reason, clock.instant());
    }

    /** Reports progress and extends the lease; throws {@link LostJob} when the job is no longer this attempt's. */
    private final class Heartbeat implements SettlementExport.Progress {

        private final Job<String> job;
        private long total;
        private Instant lastReport = Instant.MIN;

        Heartbeat(Job<String> job) {
            this.job = job;
        }

        @Override
        public void counted(long rows) {
            total = rows;
            report(rows, 0, true);
        }

        @Override
        public void written(long rows) {
            report(total, rows, false);
        }

        private void report(long rowsTotal, long written, boolean force) {
            Instant now = clock.instant();
            if (!force && now.isBefore(lastReport.plus(progressInterval))) {
                return;
            }
            lastReport = now;
            if (!jobs.progress(job.id(), job.attempt(), rowsTotal, written, ExportJob.progress(written, total),
                    now.plus(queue.settings().lease()))) {
                throw new LostJob();
            }
        }
    }

    /** The job's lease was taken by another attempt (counted by its lease): this attempt must stop. */
    static final class LostJob extends RuntimeException {

        LostJob() {
            super("the export job was taken over by another attempt", null, false, false);
        }
    }
}
