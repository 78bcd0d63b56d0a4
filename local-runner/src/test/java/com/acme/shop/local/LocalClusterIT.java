package com.acme.shop.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real cluster on free ports in target/: MariaDB, the Kafka broker's JVM and two instances of order-service (its
 * exec jar, which the reactor builds first) behind their round-robin front. Kills an instance with SIGKILL and
 * watches the supervisor bring it back; restarts the database and the broker hard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {

    private static final Duration BACK_IN = Duration.ofSeconds(150);

    private static LocalCluster cluster;
    private static final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        Path home = Path.of("").toAbsolutePath().getParent(); // failsafe runs in local-runner/
        Path dir = Path.of("target/cluster-it").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        cluster = LocalCluster.start(LocalCluster.Options.defaults()
                .home(home).localDir(dir).freePorts().instances(2).apps(App.ORDER)
                .backoff(Duration.ofMillis(500), Duration.ofSeconds(5)));
        cluster.addListener(new SupervisorListener() {
            @Override
            public void died(App app, int instance, Instant at, int exitCode) {
                events.add("died " + app.module() + " " + instance + " " + exitCode);
            }

            @Override
            public void restarted(App app, int instance, Instant at, long pid, int attempt, Duration backoff) {
                events.add("restarted " + app.module() + " " + instance + " " + pid);
            }

            @Override
            public void healthy(App app, int instance, Instant at, Duration downtime) {
                events.add("healthy " + app.module() + " " + instance);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** GET /actuator/health over a new connection (the front balances connections); null if it cannot connect. */
    private static HttpResponse<String> health(URI base) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean up(URI base) {
        HttpResponse<String> r = health(base);
        return r != null && r.statusCode() == 200 && HealthWaiter.isUpBody(r.body());
    }

    private static void awaitUp(URI base, Duration within) {
        await().alias(base + " UP").atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> up(base));
    }

    private static String nextEvent(Duration within) throws InterruptedException {
        String e = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("a supervisor event within " + within).isNotNull();
        return e;
    }

    @Test
    @Order(1)
    void bothInstancesAnswerThroughTheFront() {
        assertThat(cluster.instanceUrls(App.ORDER)).hasSize(2).doesNotContain(cluster.url(App.ORDER));
        List<Long> before = cluster.frontConnections(App.ORDER);

        for (int i = 0; i < 6; i++) {
            assertThat(up(cluster.url(App.ORDER))).as("request " + i + " through the front").isTrue();
        }
        List<Long> after = cluster.frontConnections(App.ORDER);

        assertThat(after.get(0) - before.get(0)).as("connections to instance 0").isEqualTo(3);
        assertThat(after.get(1) - before.get(1)).as("connections to instance 1").isEqualTo(3);
        for (URI instance : cluster.instanceUrls(App.ORDER)) {
            assertThat(up(instance)).as(instance + " on its own").isTrue();
        }
    }

    @Test
    @Order(2)
    void aKilledInstanceIsReportedRestartedAndHealthyWhileTheFrontFailsOver() throws Exception {
        long pid = cluster.pid(App.ORDER, 0);
        URI own = cluster.instanceUrls(App.ORDER).getFirst();

        cluster.kill(App.ORDER, 0);

        assertThat(nextEvent(Duration.ofSeconds(10))).as("SIGKILL gives exit code 128 + 9")
                .isEqualTo("died order-service 0 137");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        // While instance 0 is down, every new connection ends up at instance 1.
        for (int i = 0; i < 4; i++) {
            assertThat(up(cluster.url(App.ORDER))).as("through the front while instance 0 is dead").isTrue();
        }
        String restarted = nextEvent(Duration.ofSeconds(10));
        assertThat(restarted).startsWith("restarted order-service 0 ");
        long newPid = Long.parseLong(restarted.substring(restarted.lastIndexOf(' ') + 1));
        assertThat(newPid).isNotEqualTo(pid).isEqualTo(cluster.pid(App.ORDER, 0));
        assertThat(nextEvent(BACK_IN)).isEqualTo("healthy order-service 0");
        assertThat(up(own)).isTrue();

        String supervisorLog = Files.readString(cluster.logsDir().resolve("supervisor.log"));
        assertThat(supervisorLog).contains("order-service#0 DIED (exit code 137 = SIGKILL)")
                .contains("order-service#0 restarted as pid " + newPid)
                .contains("order-service#0 healthy again");
    }

    @Test
    @Order(3)
    void theDatabaseRestartsHardOnItsDataAndTheServicesRecover() throws Exception {
        long pid = cluster.databasePid();
        assertThat(pid).isPositive();

        cluster.restartDatabase();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(cluster.databasePid()).isPositive().isNotEqualTo(pid);
        assertThat(KafkaProcess.listening(cluster.dbPort())).isTrue();
        // order-service's tables survived (same data directory): both instances stay or come back UP.
        for (URI instance : cluster.instanceUrls(App.ORDER)) {
            awaitUp(instance, Duration.ofSeconds(60));
        }
        assertThat(events).as("no service died of it").isEmpty();
    }

    @Test
    @Order(4)
    void theBrokerRestartsHardOnItsLogAndTheServicesRecover() throws Exception {
        long pid = cluster.kafkaPid();

        cluster.restartKafka();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(cluster.kafkaPid()).isNotEqualTo(pid);
        String bootstrap = cluster.kafkaBootstrap();
        assertThat(KafkaProcess.listening(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))))
                .isTrue();
        for (URI instance : cluster.instanceUrls(App.ORDER)) {
            awaitUp(instance, Duration.ofSeconds(60));
        }
        List<String> seen = new ArrayList<>(events);
        assertThat(seen).as("no service died of it").isEmpty();
    }
}
