package com.acme.shop.local;

import com.acme.shop.infra.KafkaServerMain;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The KRaft broker as a child JVM ({@link KafkaServerMain}) started from the launcher's own classpath, so it can be
 * killed hard and started again on the same log directory and port while the services keep running.
 */
final class KafkaProcess {

    private final Process process;

    private KafkaProcess(Process process) {
        this.process = process;
    }

    static KafkaProcess start(Path javaBin, Path logDir, int port, int controllerPort, Path log, Duration timeout)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = command(javaBin, System.getProperty("java.class.path"));
        command.addAll(List.of(logDir.toAbsolutePath().toString(), String.valueOf(port), String.valueOf(controllerPort)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        KafkaProcess kafka = new KafkaProcess(process);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening(port)) {
            if (!process.isAlive()) {
                throw new IOException("the broker exited with code " + process.exitValue() + " (see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("the broker did not listen on port " + port + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while the broker started");
            }
        }
        return kafka;
    }

    /**
     * {@code java <options> -cp <classpath> KafkaServerMain}. When the launcher runs from its Spring Boot exec jar,
     * whose classes are nested jars, Boot's PropertiesLauncher loads them and runs the main class named in
     * {@code loader.main}.
     */
    static List<String> command(Path javaBin, String classPath) {
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=logback-kafka.xml"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka still uses sun.misc.Unsafe
        }
        if (isBootJar(classPath)) {
            command.addAll(List.of("-Dloader.main=" + KafkaServerMain.class.getName(), "-cp", classPath,
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, KafkaServerMain.class.getName()));
        }
        return command;
    }

    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (a crash: no controlled shutdown, the next start recovers the log). */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM (a controlled shutdown), SIGKILL if it takes longer than {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
