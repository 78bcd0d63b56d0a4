package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, which nobody can start here (no Docker engine): Debian's docker-compose 1.29 validates it the way
 * it would read it, and the start order is checked to be gated on health.
 */
class ComposeFileTest {

    private static final List<String> APPLICATIONS =
            List.of("toss-sandbox", "payment-service", "order-service", "settlement-service", "admin-service");

    @Test
    void dockerComposeAcceptsIt() {
        ExternalTool.Result result = ExternalTool.DOCKER_COMPOSE.run(Repository.ROOT, "-f", "docker-compose.yml",
                "config", "-q");

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void dockerComposeRefusesKeysItDoesNotKnow(@TempDir Path dir) throws Exception {
        // start_interval is newer than Compose 1.29: the check above would catch it in our file
        Files.writeString(dir.resolve("docker-compose.yml"), """
                version: "3.8"
                services:
                  db:
                    image: mysql:8.4
                    healthcheck:
                      test: ["CMD", "true"]
                      start_interval: 1s
                """);

        ExternalTool.Result result = ExternalTool.DOCKER_COMPOSE.run(dir, "-f", "docker-compose.yml", "config", "-q");

        assertThat(result.succeeded()).as(result.describe()).isFalse();
        assertThat(result.stderr()).contains("start_interval");
    }

    @Test
    void startsOnlyWhatItDependsOnIsHealthy() {
        Map<String, Map<String, Object>> services = DockerfileTest.services(new Yaml().load(
                Repository.read("docker-compose.yml")));

        assertThat(services).containsKeys("mysql", "kafka");
        assertThat(services.get("mysql").get("image")).isEqualTo("mysql:8.4");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(env(services.get("kafka")).get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        services.forEach((name, service) -> {
            assertThat(service).as(name + " has a healthcheck").containsKey("healthcheck");
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                dependsOn.forEach((dependency, condition) -> assertThat(condition).as(name + " -> " + dependency)
                        .isEqualTo(Map.of("condition", "service_healthy")));
            }
        });
        for (String application : APPLICATIONS) {
            assertThat(services).containsKey(application);
        }
        for (String service : List.of("payment-service", "order-service", "settlement-service", "admin-service")) {
            assertThat(Yamls.map(services.get(service).get("depends_on"))).as(service).containsKeys("mysql", "kafka");
            // the local profile unless the caller asks for more; production needs its tokens (docs/security.md)
            assertThat(env(services.get(service)))
                    .containsEntry("SPRING_PROFILES_ACTIVE", "${SPRING_PROFILES_ACTIVE:-local}")
                    .containsEntry("SHOP_SERVICE_TOKEN", "${SHOP_SERVICE_TOKEN:-}")
                    .containsEntry("SHOP_SCRAPE_TOKEN", "${SHOP_SCRAPE_TOKEN:-}");
        }
        assertThat(Yamls.map(services.get("admin-service").get("depends_on")))
                .containsKeys("payment-service", "order-service", "settlement-service");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }
}
