package com.acme.shop.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code .local/pids}: the launcher's own pid and those of the processes it started (MariaDB's server and the
 * child JVMs), one {@code name pid} per line. A clean stop deletes it. If the launcher was killed hard
 * ({@code kill -9}) its children outlive it; the next start finds them here and stops them.
 */
final class PidFile {

    static final String LAUNCHER = "launcher";

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    synchronized void write(Map<String, Long> pids) {
        StringBuilder text = new StringBuilder("# written by ./run.sh (local-runner); deleted on a clean stop\n");
        pids.forEach((name, pid) -> text.append(name).append(' ').append(pid).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("warning: could not write " + file + ": " + e.getMessage());
        }
    }

    Map<String, Long> read() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && !parts[0].startsWith("#")) {
                    try {
                        pids.put(parts[0], Long.parseLong(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // not a line of ours
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("warning: could not read " + file + ": " + e.getMessage());
        }
        return pids;
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The recorded launcher, if it is still running (then this start must not go on). */
    Optional<ProcessHandle> runningLauncher() {
        Long pid = read().get(LAUNCHER);
        if (pid == null || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> commandLine(h).contains("local-runner"));
    }

    /**
     * Stops processes recorded by a launcher that is gone. Only a live process whose command line still looks like
     * ours (the same jar, or a MariaDB server) is touched, so a recycled pid of something else is left alone.
     *
     * @return descriptions of the processes stopped
     */
    List<String> stopLeftovers() {
        List<String> stopped = new ArrayList<>();
        read().forEach((name, pid) -> {
            if (name.equals(LAUNCHER)) {
                return;
            }
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                String cmd = commandLine(h);
                String module = name.replaceFirst("#\\d+$", ""); // payment-service#1: an instance of several
                boolean ours = switch (name) {
                    case "mariadb" -> cmd.contains("mariadbd") || cmd.contains("mysqld");
                    case "kafka" -> cmd.contains("KafkaServerMain");
                    default -> cmd.contains(module + "-" + App.VERSION + "-exec.jar");
                };
                if (ours) {
                    h.destroy();
                    try {
                        h.onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                    stopped.add(name + " (pid " + pid + ")");
                }
            });
        });
        return stopped;
    }

    static String commandLine(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        return info.commandLine().orElseGet(() -> info.command().orElse(""));
    }
}
