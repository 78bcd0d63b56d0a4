package com.acme.shop.deploy;

import com.acme.shop.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize base and overlays, rendered by kubectl's kustomize (Debian's kubernetes-client in CI) and every
 * rendered object validated against the Kubernetes API; then what production needs: replicas, probes, graceful
 * shutdown, disruption budgets, resources, configuration from the environment, partitions, and no sandbox.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES =
            List.of("payment-service", "order-service", "settlement-service", "admin-service");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() {
        for (String target : List.of("base", "overlays/production", "overlays/staging")) {
            ExternalTool.Result result = ExternalTool.KUBECTL.run(Repository.ROOT, "kustomize", "deploy/k8s/" + target);
            assertThat(result.succeeded()).as(target + ": " + result.describe()).isTrue();
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml().loadAll(result.stdout())) {
                if (document != null) {
                    objects.add(asMap(document));
                }
            }
            RENDERED.put(target, objects);
        }
    }

    @Test
    void everyRenderedObjectIsValidForTheTargetKubernetesRelease() {
        RENDERED.forEach((target, objects) -> {
            assertThat(objects).as(target).isNotEmpty();
            List<String> problems = objects.stream().flatMap(o -> KubernetesSchema.violations(o).stream()).toList();
            assertThat(problems).as(target + " against Kubernetes " + KubernetesSchema.KUBERNETES_VERSION).isEmpty();
        });
    }

    @Test
    void productionRunsThreeReplicasOfEachServiceAndNoSandbox() {
        List<Map<String, Object>> production = RENDERED.get("overlays/production");

        assertThat(names(production, "Deployment")).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            assertThat(spec(find(production, "Deployment", service)).get("replicas")).as(service).isEqualTo(3);
        }
        assertThat(new Yaml().dump(production)).doesNotContain("toss-sandbox").doesNotContain("sandbox");
        Map<String, Object> config = data(find(production, "ConfigMap", null));
        assertThat(config).containsEntry("TOSS_API_BASE_URL", "https://api.tosspayments.com")
                .containsEntry("SPRING_PROFILES_ACTIVE", "production");
        assertThat(production).allSatisfy(o -> assertThat(path(o, "metadata", "namespace")).as(name(o))
                .isIn("shop", null));
    }

    @Test
    void stagingAddsOneSandboxAndPointsTheServicesAtIt() {
        List<Map<String, Object>> staging = RENDERED.get("overlays/staging");

        assertThat(spec(find(staging, "Deployment", "toss-sandbox")).get("replicas")).isEqualTo(1);
        assertThat(data(find(staging, "ConfigMap", null))).containsEntry("TOSS_API_BASE_URL", "http://toss-sandbox:8090");
    }

    @Test
    void probesUseBootsHealthGroupsWhichEveryServiceEnables() {
        for (String service : SERVICES) {
            SpringConfig config = SpringConfig.ofService(service);
            assertThat(config.get("management.endpoint.health.probes.enabled")).as(service).contains("true");
            Map<String, Object> container = container(find(RENDERED.get("overlays/production"), "Deployment", service));

            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            // the named port is the one the service listens on
            String port = config.get("server.port").orElseThrow();
            assertThat(env(container)).containsEntry("SERVER_PORT", port);
            assertThat(((List<?>) container.get("ports")).getFirst()).isEqualTo(Map.of("name", "http",
                    "containerPort", Integer.parseInt(port)));
        }
    }

    @Test
    void terminationGraceCoversThePreStopSleepAndEveryShutdownPhase() {
        // the web server's drain, the job runner, the outbox drain: each up to timeout-per-shutdown-phase
        int phases = 3;
        Duration phase = shutdownPhaseTimeout();
        for (String service : SERVICES) {
            Map<String, Object> deployment = find(RENDERED.get("overlays/production"), "Deployment", service);
            Map<String, Object> container = container(deployment);
            List<?> preStop = (List<?>) path(container, "lifecycle", "preStop", "exec", "command");
            assertThat(preStop).as(service).hasSize(2).first().isEqualTo("sleep");
            long sleep = Long.parseLong(String.valueOf(preStop.get(1)));
            long grace = ((Number) podSpec(deployment).get("terminationGracePeriodSeconds")).longValue();

            assertThat(SpringConfig.ofService(service).get("server.shutdown")).as(service).contains("graceful");
            assertThat(sleep).as(service).isBetween(5L, 30L);
            assertThat(grace).as(service + ": grace >= preStop + " + phases + " x " + phase)
                    .isGreaterThanOrEqualTo(sleep + phases * phase.toSeconds() + 5);
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetResourcesAndRunsAsNonRoot() {
        List<Map<String, Object>> production = RENDERED.get("overlays/production");
        for (String service : SERVICES) {
            Map<String, Object> deployment = find(production, "Deployment", service);
            Map<String, Object> pdb = find(production, "PodDisruptionBudget", service);
            Map<String, Object> podLabels = Yamls.map(path(deployment, "spec", "template", "metadata", "labels"));
            Map<String, Object> selector = Yamls.map(path(pdb, "spec", "selector", "matchLabels"));
            assertThat(podLabels).as(service).containsAllEntriesOf(selector);
            int replicas = (Integer) spec(deployment).get("replicas");
            assertThat(spec(pdb).get("maxUnavailable")).as(service).isEqualTo(1);
            assertThat(replicas - 1).as(service + " keeps pods through a drain").isGreaterThanOrEqualTo(2);

            Map<String, Object> container = container(deployment);
            Map<String, Object> requests = Yamls.map(path(container, "resources", "requests"));
            Map<String, Object> limits = Yamls.map(path(container, "resources", "limits"));
            assertThat(requests).as(service).containsKeys("cpu", "memory");
            // memory is not compressible: the heap is sized from the limit, and request = limit keeps the pod
            // from being killed when the node runs short
            assertThat(limits.get("memory")).as(service).isEqualTo(requests.get("memory"));
            assertThat(path(podSpec(deployment), "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        }
    }

    @Test
    void configComesFromTheConfigMapAndCredentialsFromSecretsThatTheDocsName() {
        String operations = Repository.read("docs/operations.md");
        Set<String> secrets = new HashSet<>();
        for (String service : SERVICES) {
            Map<String, Object> container = container(find(RENDERED.get("overlays/production"), "Deployment", service));
            for (Object source : (List<?>) container.get("envFrom")) {
                Map<?, ?> from = (Map<?, ?>) source;
                if (from.get("secretRef") instanceof Map<?, ?> ref) {
                    secrets.add(String.valueOf(ref.get("name")));
                }
            }
            for (Object variable : (List<?>) container.get("env")) {
                Map<String, Object> entry = Yamls.map(variable);
                String name = String.valueOf(entry.get("name"));
                if (name.contains("PASSWORD") || name.contains("TOKEN") || name.contains("SECRET")) {
                    assertThat(entry).as(service + " " + name + " comes from a Secret").doesNotContainKey("value");
                }
                if (path(entry, "valueFrom", "secretKeyRef", "name") instanceof String secret) {
                    secrets.add(secret);
                }
            }
        }
        assertThat(secrets).contains("shop-credentials", "toss-keys", "admin-bootstrap", "payment-service-db");
        assertThat(secrets).allSatisfy(secret -> assertThat(operations).as("docs/operations.md names " + secret)
                .contains("`" + secret + "`"));
    }

    @Test
    void topicsMatchTheContractsWithAtLeastAPartitionPerConsumer() {
        List<Map<String, Object>> production = RENDERED.get("overlays/production");
        Map<String, Object> job = find(production, "Job", "kafka-topics");
        Map<String, Object> container = container(job);
        Set<String> topics = Set.of(String.valueOf(env(container).get("TOPICS")).split(" "));

        assertThat(topics).containsExactlyInAnyOrder(Topics.PAYMENT_EVENTS, Topics.deadLetterOf(Topics.PAYMENT_EVENTS),
                Topics.ORDER_EVENTS, Topics.deadLetterOf(Topics.ORDER_EVENTS));
        int partitions = Integer.parseInt(String.valueOf(data(find(production, "ConfigMap", null))
                .get("SHOP_KAFKA_PARTITIONS")));
        for (String service : SERVICES) {
            int replicas = (Integer) spec(find(production, "Deployment", service)).get("replicas");
            int threads = SpringConfig.ofService(service).get("spring.kafka.listener.concurrency")
                    .map(Integer::parseInt).orElse(1);
            assertThat(partitions).as(service + ": " + replicas + " replicas x " + threads + " listener threads")
                    .isGreaterThanOrEqualTo(replicas * threads);
        }
    }

    @Test
    void theTopicsJobCreatesMissingTopicsAndWidensNarrowOnes(@TempDir Path dir) throws Exception {
        Map<String, Object> container = container(find(RENDERED.get("overlays/production"), "Job", "kafka-topics"));
        assertThat(container.get("command")).isEqualTo(List.of("/bin/bash", "-c"));
        String script = String.valueOf(((List<?>) container.get("args")).getFirst());
        assertThat(script).contains("/opt/kafka/bin/kafka-topics.sh");
        // kafka-topics.sh stand-in: keeps each topic's partition count in a file, answers --describe as Kafka does
        Path state = Files.createDirectories(dir.resolve("topics"));
        Path fake = dir.resolve("kafka-topics.sh");
        Files.writeString(fake, """
                #!/bin/bash
                echo "$*" >> "$STATE/calls"
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --create) action=create ;; --alter) action=alter ;; --describe) action=describe ;;
                    --topic) topic="$2"; shift ;; --partitions) partitions="$2"; shift ;;
                  esac
                  shift
                done
                case "$action" in
                  create) [ -f "$STATE/$topic" ] || echo "$partitions" > "$STATE/$topic" ;;
                  alter) echo "$partitions" > "$STATE/$topic" ;;
                  describe) n=$(cat "$STATE/$topic"); echo "Topic: $topic PartitionCount: $n"
                            for ((i = 0; i < n; i++)); do echo "	Topic: $topic	Partition: $i	Leader: 1"; done ;;
                esac
                """);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Files.writeString(state.resolve("order.events"), "3\n");     // an existing topic from a smaller setup
        Path scriptFile = dir.resolve("topics.sh");
        Files.writeString(scriptFile, script.replace("/opt/kafka/bin/kafka-topics.sh", fake.toString()));

        ProcessBuilder run = new ProcessBuilder("bash", scriptFile.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        run.environment().putAll(Map.of("STATE", state.toString(), "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "SHOP_KAFKA_PARTITIONS", "12", "SHOP_KAFKA_REPLICATIONFACTOR", "3",
                "TOPICS", String.valueOf(env(container).get("TOPICS"))));
        Process process = run.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(dir.resolve("out.log"));

        assertThat(process.exitValue()).as(out).isZero();
        for (String topic : List.of(Topics.PAYMENT_EVENTS, Topics.deadLetterOf(Topics.PAYMENT_EVENTS),
                Topics.ORDER_EVENTS, Topics.deadLetterOf(Topics.ORDER_EVENTS))) {
            assertThat(Files.readString(state.resolve(topic)).strip()).as(topic).isEqualTo("12");
            assertThat(out).contains(topic + ": 12 partitions");
        }
        assertThat(out).contains("order.events: raising partitions from 3 to 12");
        assertThat(Files.readString(state.resolve("calls")))
                .contains("--create --if-not-exists --topic payment.events --partitions 12 --replication-factor 3");
    }

    private static Duration shutdownPhaseTimeout() {
        List<SpringConfig> sources = new ArrayList<>(List.of(SpringConfig.of("platform/src/main/resources/shop-observability.yml")));
        SERVICES.forEach(s -> sources.add(SpringConfig.ofService(s)));
        return sources.stream().map(c -> c.get("spring.lifecycle.timeout-per-shutdown-phase"))
                .flatMap(java.util.Optional::stream).map(KubernetesManifestsTest::duration)
                .max(Duration::compareTo).orElse(Duration.ofSeconds(30)); // Spring Boot's default
    }

    private static Duration duration(String value) {
        String v = value.strip();
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new AssertionError("unreadable duration " + value, e);
        }
    }

    // --- navigating parsed YAML

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String name(Map<String, Object> object) {
        return object.get("kind") + "/" + path(object, "metadata", "name");
    }

    private static List<String> names(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")))
                .map(o -> String.valueOf(path(o, "metadata", "name"))).toList();
    }

    /** The object of this kind and name; name null: the only one of its kind. */
    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> matches = objects.stream().filter(o -> kind.equals(o.get("kind")))
                .filter(o -> name == null || name.equals(path(o, "metadata", "name"))).toList();
        assertThat(matches).as(kind + " " + name).hasSize(1);
        return matches.getFirst();
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return asMap(object.get("spec"));
    }

    private static Map<String, Object> data(Map<String, Object> object) {
        return asMap(object.get("data"));
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return asMap(path(workload, "spec", "template", "spec"));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return asMap(((List<?>) podSpec(workload).get("containers")).getFirst());
    }

    private static Map<String, Object> env(Map<String, Object> container) {
        return ((List<?>) container.get("env")).stream().map(e -> (Map<?, ?>) e).filter(e -> e.containsKey("value"))
                .collect(Collectors.toMap(e -> String.valueOf(e.get("name")), e -> e.get("value")));
    }
}
