package com.acme.shop.settlement.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The export jobs' files in {@code settlement.export.jobs.directory}: an attempt writes {@code <id>.<attempt>.part}
 * and moves it to {@code <id>.xlsx} when it is complete, so a download never sees half a file and two attempts of one
 * job (one taken over from an instance that was presumed dead) never write the same file. Files older than the
 * retention are deleted on a schedule. Job ids are UUIDs checked before they get here, so a name is never a path.
 */
@Component
class ExportFiles {

    private static final Logger log = LoggerFactory.getLogger(ExportFiles.class);
    private static final Pattern OURS = Pattern.compile("[0-9a-f-]{36}(\\.xlsx|\\.[0-9]+\\.part)");

    private final Path directory;
    private final ExportJobProperties properties;
    private final Clock clock;

    ExportFiles(ExportJobProperties properties, Clock clock) {
        this.directory = properties.directory().toAbsolutePath();
        this.properties = properties;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("settlement.export.jobs.directory " + directory + " cannot be created", e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("settlement.export.jobs.directory " + directory + " is not writable");
        }
    }

    Path part(String id, int attempt) {
        return directory.resolve(id + "." + attempt + ".part");
    }

    Path file(String id) {
        return directory.resolve(id + ".xlsx");
    }

    /** Makes a complete part the job's file, in one step where the file system allows it. */
    void publish(Path part, String id) throws IOException {
        try {
            Files.move(part, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file(id), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file opened for reading, with the size of what was opened. */
    record Opened(InputStream content, long size) {
    }

    /** The job's file opened for reading, or empty when it is not there (expired, or never written here). */
    Optional<Opened> open(String id) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(file(id), StandardOpenOption.READ);
            return Optional.of(new Opened(Channels.newInputStream(channel), channel.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}; the retention sweep tries again", path, e.toString());
        }
    }

    Instant expiresAt(Instant finishedAt) {
        return finishedAt == null ? null : finishedAt.plus(properties.retention());
    }

    /** Deletes our files (finished or left by a dead attempt) last modified before the retention; returns how many. */
    @Scheduled(fixedDelayString = "${settlement.export.jobs.cleanup-interval:10m}")
    int deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (OURS.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Sweep of expired export files in {} failed: {}", directory, e.toString());
        }
        if (deleted > 0) {
            log.info("Deleted {} export files older than {}", deleted, properties.retention());
        }
        return deleted;
    }
}
