package com.acme.shop.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** Real child JVMs, but no services: one whose jar does not exist, and one that never answers. */
class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void aChildThatExitsIsReportedWithItsLog() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        App app = new App("ghost-service", com.acme.shop.infra.FreePorts.pick());
        Map<String, String> env = LocalSettings.from(Map.of(), dir).childEnvironment(app, System.getenv());

        ServiceProcess process = ServiceProcess.start(app, dir, javaBin, app.jar(dir), env, dir.resolve("logs/ghost.log"));
        HealthWaiter.Failure failure = new HealthWaiter(Duration.ofSeconds(30), Duration.ofMillis(100))
                .awaitAll(List.of(process), () -> false);

        assertThat(failure).isNotNull();
        assertThat(failure.process()).isSameAs(process);
        assertThat(failure.reason()).startsWith("exited with code 1");
        assertThat(String.join("\n", process.tail(LocalSystem.TAIL_LINES)))
                .contains("ghost-service-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void waitingGivesUpAfterTheTimeoutAndTheChildStopsOnSigterm() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        App app = new App("silent-service", com.acme.shop.infra.FreePorts.pick());
        Path jar = sleeperJar(); // lives, but never answers on its port
        ServiceProcess process = ServiceProcess.start(app, dir, javaBin, jar, Map.of(), dir.resolve("silent.log"));
        try {
            HealthWaiter.Failure failure = new HealthWaiter(Duration.ofSeconds(2), Duration.ofMillis(200))
                    .awaitAll(List.of(process), () -> false);

            assertThat(failure).isNotNull();
            assertThat(failure.reason()).contains("/actuator/health within 2 s");
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.requestStop();
            assertThat(process.awaitOrKill(System.nanoTime() + Duration.ofSeconds(10).toNanos())).isTrue();
        }
        assertThat(process.isAlive()).isFalse();
    }

    private Path sleeperJar() throws Exception {
        Path source = Files.writeString(dir.resolve("Sleeper.java"),
                "public class Sleeper { public static void main(String[] a) throws Exception { Thread.sleep(60_000); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(rc).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Sleeper");
        Path jar = dir.resolve("sleeper.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Sleeper.class"));
            out.write(Files.readAllBytes(classes.resolve("Sleeper.class")));
            out.closeEntry();
        }
        return jar;
    }
}
