package com.acme.shop.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class LocalSettingsTest {

    private static final Path ROOT = Path.of("/work/shop");

    @Test
    void tossApiBaseUrlFromTheEnvironmentReachesEveryApplication() {
        Map<String, String> env = Map.of("TOSS_API_BASE_URL", "https://api.tosspayments.com");
        LocalSettings settings = LocalSettings.from(env, ROOT);

        assertThat(settings.tossApiFromEnvironment()).isTrue();
        for (App app : App.ALL) {
            assertThat(settings.childEnvironment(app, env))
                    .containsEntry("TOSS_API_BASE_URL", "https://api.tosspayments.com");
        }
    }

    @Test
    void withoutTossApiBaseUrlTheServicesUseTheLocalSandbox() {
        for (Map<String, String> env : new Map[] {Map.of(), Map.of("TOSS_API_BASE_URL", "  ")}) {
            LocalSettings settings = LocalSettings.from(env, ROOT);

            assertThat(settings.tossApiFromEnvironment()).isFalse();
            assertThat(settings.childEnvironment(App.PAYMENT, env))
                    .containsEntry("TOSS_API_BASE_URL", "http://127.0.0.1:8090");
        }
    }

    @Test
    void childEnvironmentHasTheLocalAddressesOnTopOfTheInheritedOnes() {
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "INTERNAL_API_TOKEN", "t0k3n",
                "SERVER_PORT", "9999", "DB_URL", "jdbc:mysql://prod/payment_service", "DB_PASSWORD", "secret");
        LocalSettings settings = LocalSettings.from(parent, ROOT);

        Map<String, String> env = settings.childEnvironment(App.ORDER, parent);

        assertThat(env).contains(
                entry("PATH", "/usr/bin"),
                entry("INTERNAL_API_TOKEN", "t0k3n"),
                entry("SERVER_PORT", "8082"),
                entry("DB_HOST", "127.0.0.1"),
                entry("DB_PORT", "3307"),
                entry("DB_USER", "root"),
                entry("DB_PASSWORD", ""),
                entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                entry("ORDER_SERVICE_URL", "http://127.0.0.1:8082"),
                entry("PAYMENT_SERVICE_URL", "http://127.0.0.1:8081"),
                entry("SETTLEMENT_SERVICE_URL", "http://127.0.0.1:8083"),
                entry("STOREFRONT_BASE_URL", "http://localhost:8081"),
                entry("TOSS_SANDBOX_PUBLIC_URL", "http://localhost:8090"));
        assertThat(env).doesNotContainKey("DB_URL");
    }

    @Test
    void everyApplicationRunsWithTheLocalProfile() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT);

        for (App app : App.ALL) {
            assertThat(settings.childEnvironment(app, Map.of())).containsEntry("SPRING_PROFILES_ACTIVE", "local");
            assertThat(settings.localVariables(app)).containsEntry("SPRING_PROFILES_ACTIVE", "local");
        }
    }

    @Test
    void profilesFromTheLaunchersEnvironmentAreKeptWithLocalAdded() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT);

        assertThat(settings.childEnvironment(App.ADMIN, Map.of("SPRING_PROFILES_ACTIVE", "debug, metrics")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "debug,metrics,local");
        assertThat(settings.childEnvironment(App.ADMIN, Map.of("SPRING_PROFILES_ACTIVE", "local,debug")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local,debug");
        assertThat(settings.childEnvironment(App.ADMIN, Map.of("SPRING_PROFILES_ACTIVE", " ")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
    }

    @Test
    void eachApplicationGetsItsOwnPort() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT);

        assertThat(App.ALL).extracting(app -> settings.localVariables(app).get("SERVER_PORT"))
                .containsExactly("8090", "8081", "8082", "8083", "8084");
    }

    @Test
    void portsCanBeMovedThroughTheEnvironment() {
        Map<String, String> env = Map.of("DB_PORT", "3310", "KAFKA_PORT", "19092");
        LocalSettings settings = LocalSettings.from(env, ROOT);

        assertThat(settings.dbPort()).isEqualTo(3310);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.childEnvironment(App.SETTLEMENT, env))
                .containsEntry("DB_PORT", "3310")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        assertThat(settings.jdbcUrl("order_service"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3310/order_service?createDatabaseIfNotExist=true");
    }

    @Test
    void aBadPortIsReportedByName() {
        assertThatThrownBy(() -> LocalSettings.from(Map.of("DB_PORT", "mysql"), ROOT))
                .hasMessageContaining("DB_PORT=mysql");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("KAFKA_PORT", "70000"), ROOT))
                .hasMessageContaining("KAFKA_PORT=70000");
    }

    @Test
    void everythingLivesUnderDotLocalInTheProjectRoot() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT);

        assertThat(settings.mariaDbDataDir()).isEqualTo(ROOT.resolve(".local/data/mariadb"));
        assertThat(settings.kafkaDataDir()).isEqualTo(ROOT.resolve(".local/data/kafka"));
        assertThat(settings.mariaDbBaseDir()).isEqualTo(ROOT.resolve(".local/mariadb-base"));
        assertThat(settings.log("payment-service")).isEqualTo(ROOT.resolve(".local/logs/payment-service.log"));
        assertThat(App.PAYMENT.jar(ROOT))
                .isEqualTo(ROOT.resolve("payment-service/target/payment-service-0.1.0-SNAPSHOT-exec.jar"));
    }

    @Test
    void childJvmCommand() {
        assertThat(ServiceProcess.command(Path.of("/jdk/bin/java"), Path.of("/p/a.jar"))).containsExactly(
                "/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/p/a.jar");
    }

    @Test
    void withInstancesEachServiceGetsABlockOfConsecutivePortsBehindItsOwnPort() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT).withInstances(2);

        assertThat(settings.instancePorts().get(App.PAYMENT)).containsExactly(8110, 8111);
        assertThat(settings.instancePorts().get(App.ORDER)).containsExactly(8120, 8121);
        assertThat(settings.instancePorts().get(App.SETTLEMENT)).containsExactly(8130, 8131);
        assertThat(settings.instancePorts().get(App.ADMIN)).containsExactly(8140, 8141);
        assertThat(settings.instancePorts().get(App.TOSS_SANDBOX)).as("the sandbox runs once").containsExactly(8090);
        assertThat(settings.wantedPorts(App.ALL)).extracting(PortCheck.Wanted::port)
                .contains(8081, 8110, 8111, 8084, 8140, 8141);
    }

    @Test
    void anInstanceListensOnItsOwnPortButCallsTheOthersAndGetsWebhooksThroughTheFronts() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT).withInstances(3);

        Map<String, String> env = settings.childEnvironment(App.PAYMENT, 8112, Map.of());

        assertThat(env).contains(
                entry("SERVER_PORT", "8112"),
                entry("ORDER_SERVICE_URL", "http://127.0.0.1:8082"),
                entry("SETTLEMENT_SERVICE_URL", "http://127.0.0.1:8083"),
                entry("PAYMENT_SERVICE_URL", "http://127.0.0.1:8081"),
                entry("STOREFRONT_BASE_URL", "http://localhost:8081"),
                entry("SANDBOX_WEBHOOK_URL", "http://127.0.0.1:8081/api/v1/webhooks/toss"));
    }

    @Test
    void instancesAreBounded() {
        LocalSettings settings = LocalSettings.from(Map.of(), ROOT);
        assertThatThrownBy(() -> settings.withInstances(0)).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> settings.withInstances(10)).hasMessageContaining("between 1 and 9");
    }

    @Test
    void aClusterOnFreePortsMovesEveryPortAndKeepsItsFolderApart() {
        Path dir = Path.of("/tmp/cluster-x");
        LocalSettings settings = LocalCluster.resolve(LocalCluster.Options.defaults().environment(Map.of())
                .home(ROOT).localDir(dir).freePorts().instances(2));

        java.util.List<Integer> ports = new java.util.ArrayList<>(java.util.List.of(settings.dbPort(),
                settings.kafkaPort(), settings.kafkaControllerPort()));
        App.ALL.forEach(app -> ports.add(settings.port(app)));
        App.SERVICES.forEach(app -> ports.addAll(settings.instancePorts().get(app)));
        assertThat(ports).doesNotHaveDuplicates().doesNotContain(3307, 9092, 8081, 8082, 8083, 8084, 8090);
        assertThat(settings.childEnvironment(App.ORDER, Map.of()))
                .containsEntry("TOSS_API_BASE_URL", "http://127.0.0.1:" + settings.port(App.TOSS_SANDBOX));
        assertThat(settings.logsDir()).isEqualTo(dir.resolve("logs"));
        assertThat(settings.pidFile()).isEqualTo(dir.resolve("pids"));
    }

    @Test
    void aPortOffsetMovesEveryFixedPort() {
        LocalSettings settings = LocalCluster.resolve(LocalCluster.Options.defaults().environment(Map.of())
                .home(ROOT).portOffset(1000).instances(2));

        assertThat(settings.dbPort()).isEqualTo(4307);
        assertThat(settings.kafkaPort()).isEqualTo(10092);
        assertThat(settings.port(App.PAYMENT)).isEqualTo(9081);
        assertThat(settings.instancePorts().get(App.PAYMENT)).containsExactly(9110, 9111);
        assertThat(settings.url(App.TOSS_SANDBOX)).isEqualTo("http://127.0.0.1:9090");
    }
}
