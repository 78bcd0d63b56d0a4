package com.acme.shop.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One application running as a child JVM, its output going to its own log file. */
final class ServiceProcess implements Supervisor.Child {

    /** Small heaps, the serial GC and C1 only: five JVMs start quickly on two cores and fit in ~1.5 GB. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final App app;
    private final int instance;
    private final int port;
    private final String name;
    private final Process process;
    private final Path log;
    private final long startedAt;

    private ServiceProcess(App app, int instance, int port, String name, Process process, Path log) {
        this.app = app;
        this.instance = instance;
        this.port = port;
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedAt = System.nanoTime();
    }

    static List<String> command(Path javaBin, Path jar) {
        return command(javaBin, JVM_OPTIONS, jar);
    }

    static List<String> command(Path javaBin, List<String> jvmOptions, Path jar) {
        return java.util.stream.Stream.of(List.of(javaBin.toString()), jvmOptions, List.of("-jar", jar.toString()))
                .flatMap(List::stream).toList();
    }

    /**
     * @param environment the child's complete environment (see {@link LocalSettings#childEnvironment})
     */
    static ServiceProcess start(App app, Path workDir, Path javaBin, Path jar, Map<String, String> environment,
                                Path log) throws IOException {
        return start(app, 0, app.port(), app.module(), workDir, command(javaBin, jar), environment, log);
    }

    /**
     * @param instance which instance of the application (0 when it runs once)
     * @param port     the port this instance listens on (its SERVER_PORT)
     * @param name     how the console names it, e.g. {@code payment-service#1}
     * @param command  the whole command line ({@link #command(Path, List, Path)})
     */
    static ServiceProcess start(App app, int instance, int port, String name, Path workDir, List<String> command,
                                Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ServiceProcess(app, instance, port, name, builder.start(), log);
    }

    App app() {
        return app;
    }

    int instance() {
        return instance;
    }

    /** The port this instance listens on. */
    @Override
    public int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Completes with the exit code when the process ends, however it ends. */
    @Override
    public java.util.concurrent.CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /**
     * SIGKILL, as {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL (no shutdown hooks, no
     * graceful stop), and the exit code the launcher then sees is 137 (128 + 9).
     */
    @Override
    public void kill() {
        process.destroyForcibly();
    }

    Path log() {
        return log;
    }

    @Override
    public long pid() {
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
    @Override
    public void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits until the given instant (System.nanoTime based) for the process to exit; kills it if it has not. */
    @Override
    public boolean awaitOrKill(long deadlineNanos) {
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
