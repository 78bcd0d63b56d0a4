package com.acme.shop.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A command-line tool from Debian's packages that a check needs (docker-compose, promtool, kubectl). In CI
 * ({@code CI=true}) a missing tool fails the test: {@code .ci/run} installs them. Elsewhere the test is skipped with a
 * message that says which package to install.
 */
record ExternalTool(String command, String debianPackage) {

    static final ExternalTool DOCKER_COMPOSE = new ExternalTool("docker-compose", "docker-compose");
    static final ExternalTool PROMTOOL = new ExternalTool("promtool", "prometheus");
    static final ExternalTool KUBECTL = new ExternalTool("kubectl", "kubernetes-client");

    /** The tool's path, or the test fails (CI) or is skipped (elsewhere). */
    Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String message = command + " is not installed: apt-get install -y --no-install-recommends " + debianPackage
                + " (.ci/run installs it in CI)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    Optional<Path> find() {
        String override = System.getenv(command.toUpperCase().replace('-', '_') + "_BIN");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the tool with these arguments in {@code workDir}; stdout and stderr are kept apart. */
    Result run(Path workDir, String... arguments) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(require().toString());
        commandLine.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(command, ".out");
            Path err = Files.createTempFile(command, ".err");
            try {
                Process process = new ProcessBuilder(commandLine).directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", commandLine) + " did not finish within 2 minutes");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {

        boolean succeeded() {
            return exitCode == 0;
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
