package com.acme.shop.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One application running as a child JVM, its output going to its own log file. */
final class ServiceProcess {

    /** Small heaps, the serial GC and C1 only: five JVMs start quickly on two cores and fit in ~1.5 GB. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final App app;
    private final Process process;
    private final Path log;
    private final long startedAt;

    private ServiceProcess(App app, Process process, Path log) {
        this.app = app;
        this.process = process;
        this.log = log;
        this.startedAt = System.nanoTime();
    }

    static List<String> command(Path javaBin, Path jar) {
        return java.util.stream.Stream.of(List.of(javaBin.toString()), JVM_OPTIONS, List.of("-jar", jar.toString()))
                .flatMap(List::stream).toList();
    }

    /**
     * @param environment the child's complete environment (see {@link LocalSettings#childEnvironment})
     */
    static ServiceProcess start(App app, Path workDir, Path javaBin, Path jar, Map<String, String> environment,
                                Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command(javaBin, jar))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ServiceProcess(app, builder.start(), log);
    }

    App app() {
        return app;
    }

    String name() {
        return app.module();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** SIGTERM: Spring Boot shuts down gracefully (finishes requests, stops Kafka consumers). */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits until the given instant (System.nanoTime based) for the process to exit; kills it if it has not. */
    boolean awaitOrKill(long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    List<String> tail(int lines) {
        return LogTail.lastLines(log, lines);
    }
}
