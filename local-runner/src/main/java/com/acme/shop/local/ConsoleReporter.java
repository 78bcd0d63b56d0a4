package com.acme.shop.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Prints the supervisor's events with their UTC time on the console and appends them to {@code supervisor.log}. */
final class ConsoleReporter implements SupervisorListener {

    private final PrintStream out;
    private final Path log;
    private final java.util.function.BiFunction<App, Integer, Path> logOf;

    /**
     * @param log   supervisor.log
     * @param logOf the log file of an instance
     */
    ConsoleReporter(PrintStream out, Path log, java.util.function.BiFunction<App, Integer, Path> logOf) {
        this.out = out;
        this.log = log;
        this.logOf = logOf;
    }

    static String name(App app, int instance) {
        return app.module() + "#" + instance;
    }

    /** 137 -> "SIGKILL": exit codes above 128 are a signal's number plus 128. */
    static String describe(int exitCode) {
        return switch (exitCode) {
            case 137 -> "exit code 137 = SIGKILL";
            case 143 -> "exit code 143 = SIGTERM";
            case 134 -> "exit code 134 = SIGABRT";
            case 139 -> "exit code 139 = SIGSEGV";
            default -> exitCode > 128 && exitCode < 160 ? "exit code " + exitCode + " = signal " + (exitCode - 128)
                    : "exit code " + exitCode;
        };
    }

    @Override
    public void died(App app, int instance, Instant at, int exitCode) {
        write(at, name(app, instance) + " DIED (" + describe(exitCode) + "); restarting it after a back-off. Its log: "
                + logOf.apply(app, instance));
    }

    @Override
    public void restarted(App app, int instance, Instant at, long pid, int attempt, Duration backoff) {
        write(at, String.format(Locale.ROOT, "%s restarted as pid %d after %.1f s back-off (death %d in a row)",
                name(app, instance), pid, backoff.toMillis() / 1000.0, attempt));
    }

    @Override
    public void healthy(App app, int instance, Instant at, Duration downtime) {
        write(at, String.format(Locale.ROOT, "%s healthy again, %.1f s after its death", name(app, instance),
                downtime.toMillis() / 1000.0));
    }

    /** Anything else worth a line with a time stamp (the infrastructure's restarts). */
    void note(String message) {
        write(Instant.now(), message);
    }

    private synchronized void write(Instant at, String message) {
        String line = at + "  " + message;
        out.println(line);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            out.println("(could not write " + log + ": " + e.getMessage() + ")");
        }
    }
}
