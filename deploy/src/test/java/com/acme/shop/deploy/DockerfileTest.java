package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image recipe (deploy/docker/Dockerfile), checked without a Docker engine: its rules, and its extraction step run
 * for real on a Spring Boot 4 exec jar of this build.
 */
class DockerfileTest {

    private static final String PATH = "deploy/docker/Dockerfile";
    /** The layers Spring Boot's repackaging wrote into a real exec jar of this build, in their order. */
    private static final List<String> LAYERS = layersOf(execJarOnClasspath("toss-sandbox"));
    private static final String PINNED_JRE =
            "ARG JRE_IMAGE=eclipse-temurin:21-jre-noble@sha256:" + "a".repeat(64);

    @Test
    void followsTheRulesForOurImages() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read(PATH));

        assertThat(LAYERS).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(dockerfile.violations(LAYERS)).isEmpty();
        assertThat(dockerfile.baseImages()).allSatisfy(image -> assertThat(image).startsWith("eclipse-temurin:21-jre"));
    }

    @Test
    void refusesAnUnpinnedBaseImage() {
        String text = Repository.read(PATH).replaceAll("(?m)^ARG JRE_IMAGE=.*$", "ARG JRE_IMAGE=eclipse-temurin:21-jre");

        assertThat(Dockerfile.parse(text).violations(LAYERS))
                .anySatisfy(v -> assertThat(v).contains("FROM eclipse-temurin:21-jre is not pinned"));
    }

    @Test
    void refusesRootAndMissingOrNamedUsers() {
        String original = Repository.read(PATH);

        assertThat(Dockerfile.parse(original.replace("USER 10001:10001", "USER 0:0")).violations(LAYERS))
                .anySatisfy(v -> assertThat(v).contains("is root"));
        assertThat(Dockerfile.parse(original.replace("USER 10001:10001", "USER shop")).violations(LAYERS))
                .anySatisfy(v -> assertThat(v).contains("is not numeric"));
        assertThat(Dockerfile.parse(original.replace("USER 10001:10001", "")).violations(LAYERS))
                .anySatisfy(v -> assertThat(v).contains("sets no USER"));
    }

    @Test
    void refusesLayersOutOfOrderAndAShellEntrypoint() {
        String minimal = PINNED_JRE + """

                FROM ${JRE_IMAGE} AS layers
                RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted
                FROM ${JRE_IMAGE}
                COPY --from=layers /build/extracted/application/ ./
                COPY --from=layers /build/extracted/dependencies/ ./
                COPY --from=layers /build/extracted/spring-boot-loader/ ./
                COPY --from=layers /build/extracted/snapshot-dependencies/ ./
                USER 10001
                ENTRYPOINT java -jar app.jar
                """;

        assertThat(Dockerfile.parse(minimal).violations(LAYERS)).anySatisfy(v -> assertThat(v)
                        .contains("not Spring Boot's layers in their order"))
                .anySatisfy(v -> assertThat(v).contains("exec form"));
    }

    @Test
    void extractsTheLayersItCopiesFromARealBootJar(@TempDir Path work) throws Exception {
        Path destination = extract(execJarOnClasspath("toss-sandbox"), work);

        try (Stream<Path> dirs = Files.list(destination)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(LAYERS);
        }
        assertThat(destination.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .isRegularFile();
        assertThat(destination.resolve("application/BOOT-INF/classes")).isDirectory();
        assertThat(destination.resolve("dependencies/BOOT-INF/lib")).isDirectory();
    }

    @Test
    void theEntrypointStartsTheApplicationFromTheLayersStackedAsTheImageStacksThem(@TempDir Path work) throws Exception {
        Path extracted = extract(execJarOnClasspath("toss-sandbox"), work);
        // WORKDIR /app with the four COPY --from=layers in the Dockerfile's order
        Path app = work.resolve("app");
        for (String layer : LAYERS) {
            copyTree(extracted.resolve(layer), app);
        }
        Dockerfile dockerfile = Dockerfile.parse(Repository.read(PATH));
        String entrypoint = dockerfile.inStage(dockerfile.finalStage()).stream()
                .filter(i -> i.keyword().equals("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow().arguments();
        List<String> command = new ArrayList<>(JsonMapper.builder().build()
                .readValue(entrypoint, new TypeReference<List<String>>() { }));
        assertThat(command.getFirst()).isEqualTo("java");
        command.set(0, ProcessHandle.current().info().command().orElse("java"));

        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile());
        // a small heap on this shared build machine (explicit sizes win over the image's percentages), any free port
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().put("SERVER_PORT", "0");
        Process process = builder.start();
        try {
            // started, or dead (then the log says why)
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> !process.isAlive()
                    || Files.readString(work.resolve("app.log")).contains("Started TossSandboxApplication"));
            assertThat(Files.readString(work.resolve("app.log"))).as("the application's output")
                    .contains("Started TossSandboxApplication");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void buildsAnImageForEveryApplicationOnItsPort() {
        Map<String, String> scriptPorts = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("([a-z-]+):(\\d{4})").matcher(
                Repository.read("deploy/docker/build-images.sh").lines()
                        .filter(l -> l.startsWith("services=(")).findFirst().orElseThrow());
        while (entry.find()) {
            scriptPorts.put(entry.group(1), entry.group(2));
        }
        Map<String, Object> compose = new Yaml().load(Repository.read("docker-compose.yml"));
        Map<String, String> composePorts = new LinkedHashMap<>();
        services(compose).forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build) {
                assertThat(build.get("dockerfile")).isEqualTo(PATH);
                Map<?, ?> args = (Map<?, ?>) build.get("args");
                assertThat(args.get("SERVICE")).isEqualTo(name);
                composePorts.put(name, String.valueOf(args.get("PORT")));
            }
        });

        assertThat(scriptPorts).containsOnlyKeys("payment-service", "order-service", "settlement-service",
                "admin-service", "toss-sandbox");
        assertThat(composePorts).isEqualTo(scriptPorts);
        // each module repackages an -exec jar, which is what the Dockerfile copies and .dockerignore lets through
        scriptPorts.keySet().forEach(module -> assertThat(Repository.read(module + "/pom.xml"))
                .as(module).contains("<classifier>exec</classifier>"));
        assertThat(Repository.read(".dockerignore").lines()).contains("**", "!*/target/*-exec.jar");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The Dockerfile's extraction command line, run by this JVM (JDK 21 or newer, like the image's JRE). */
    private static Path extract(Path jar, Path work) throws Exception {
        Path destination = work.resolve("extracted");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", destination.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();
        return destination;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The layer names of BOOT-INF/layers.idx, in order: the order in which they should be stacked. */
    private static List<String> layersOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String index = new String(zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return index.lines().filter(l -> l.startsWith("- \"")).map(l -> l.substring(3, l.lastIndexOf('"')))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path execJarOnClasspath(String module) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(module + "'s exec jar is not on the test classpath"));
    }
}
