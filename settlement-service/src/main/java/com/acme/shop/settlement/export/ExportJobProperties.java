package com.acme.shop.settlement.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code settlement.export.jobs.*}: the export run as a job (docs/settlement.md). How the job is retried, leased and
 * taken over is the durable-job runner's, under {@code shop.jobs.settlement-export.*}.
 *
 * @param directory        where finished files are kept ({@code SETTLEMENT_EXPORT_DIR}, default
 *                         {@code ${java.io.tmpdir}/settlement-exports}); with several instances it
 *                         must be storage they all see (a job's file is written by whichever instance ran it and
 *                         downloaded from whichever instance the request reaches)
 * @param retention        files older than this are deleted; the job stays listed, its file answers 410
 *                         {@code EXPORT_EXPIRED}
 * @param cleanupInterval  how often expired files are looked for
 * @param progressInterval how often a running job writes its progress (which also extends its lease)
 */
@ConfigurationProperties("settlement.export.jobs")
record ExportJobProperties(Path directory,
                           @DefaultValue("24h") Duration retention,
                           @DefaultValue("10m") Duration cleanupInterval,
                           @DefaultValue("1s") Duration progressInterval) {

    ExportJobProperties {
        if (directory == null) {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "settlement-exports");
        }
        if (!retention.isPositive() || !cleanupInterval.isPositive() || !progressInterval.isPositive()) {
            throw new IllegalArgumentException("settlement.export.jobs.retention, cleanup-interval and "
                    + "progress-interval must be positive");
        }
    }
}
