package com.acme.shop.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local system keeps its files, which ports it uses, and the environment every child process gets.
 * Built from the launcher's environment, so it is a plain value that tests can construct.
 */
record LocalSettings(Path root, Path localDir, int dbPort, int kafkaPort, int kafkaControllerPort,
                     Map<App, Integer> appPorts, Map<App, List<Integer>> instancePorts,
                     String tossApiBaseUrl, boolean tossApiFromEnvironment,
                     String storefrontBaseUrl, String sandboxPublicUrl,
                     boolean serviceTokenFromEnvironment, boolean scrapeTokenFromEnvironment) {

    /** Most instances of one service: their ports are a block of ten ({@link #instancePortBlock}). */
    static final int MAX_INSTANCES = 9;

    static final int DEFAULT_DB_PORT = 3307;
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final String DEFAULT_TOSS_API_BASE_URL = App.TOSS_SANDBOX.localUrl();


    /** The four service schemas on the one MariaDB server (each service creates its own on first connect). */
    static final List<String> SCHEMAS = List.of("payment_service", "order_service", "settlement_service", "admin_service");

    /**
     * Variables that would silently point every child at the wrong place if inherited from the launcher's shell:
     * DB_URL overrides the whole JDBC URL (all four services would share one schema), so children build it from
     * DB_HOST/DB_PORT instead.
     */
    static final List<String> NOT_INHERITED = List.of("DB_URL");

    /**
     * The Spring profile every application runs with here. It is what makes the services accept the published local
     * credentials ({@link LocalCredentials}) and admin-service create its local accounts; without it they refuse to
     * start without real credentials.
     */
    static final String LOCAL_PROFILE = "local";

    static LocalSettings from(Map<String, String> env, Path root) {
        int dbPort = port(env, "DB_PORT", DEFAULT_DB_PORT);
        int kafkaPort = port(env, "KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = port(env, "KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        String toss = value(env, "TOSS_API_BASE_URL");
        Map<App, Integer> appPorts = new LinkedHashMap<>();
        Map<App, List<Integer>> instancePorts = new LinkedHashMap<>();
        for (App app : App.ALL) {
            appPorts.put(app, app.port());
            instancePorts.put(app, List.of(app.port()));
        }
        Path absolute = root.toAbsolutePath().normalize();
        return new LocalSettings(absolute, absolute.resolve(".local"), dbPort, kafkaPort, controllerPort,
                Map.copyOf(appPorts), Map.copyOf(instancePorts),
                toss != null ? toss : DEFAULT_TOSS_API_BASE_URL, toss != null,
                value(env, "STOREFRONT_BASE_URL"), value(env, "TOSS_SANDBOX_PUBLIC_URL"),
                value(env, "SHOP_SERVICE_TOKEN") != null, value(env, "SHOP_SCRAPE_TOKEN") != null);
    }

    /**
     * The ports of {@code ./run.sh --instances=n}: each service keeps its canonical port (where a round-robin front
     * listens when n > 1) and its instances listen on a block of consecutive ports, {@link #instancePortBlock}.
     */
    LocalSettings withInstances(int n) {
        if (n < 1 || n > MAX_INSTANCES) {
            throw new IllegalArgumentException("--instances=" + n + ": between 1 and " + MAX_INSTANCES);
        }
        Map<App, List<Integer>> instances = new LinkedHashMap<>();
        for (App app : App.ALL) {
            int front = appPorts.get(app);
            instances.put(app, n == 1 || !app.replicable() ? List.of(front)
                    : java.util.stream.IntStream.range(0, n).map(i -> instancePortBlock(app) + i).boxed().toList());
        }
        return withPorts(dbPort, kafkaPort, kafkaControllerPort, appPorts, instances);
    }

    /**
     * First port of a service's instances when it runs several: 8110 for payment-service, 8120 for order-service,
     * 8130 for settlement-service, 8140 for admin-service (moved with the service's own port, so an offset moves
     * both).
     */
    int instancePortBlock(App app) {
        return appPorts.get(app) - app.port() + 8100 + 10 * (App.SERVICES.indexOf(app) + 1);
    }

    /** A copy with other ports (a {@link LocalCluster} with free ports or an offset). */
    LocalSettings withPorts(int db, int kafka, int controller, Map<App, Integer> apps, Map<App, List<Integer>> instances) {
        return new LocalSettings(root, localDir, db, kafka, controller, Map.copyOf(apps), Map.copyOf(instances),
                tossApiFromEnvironment ? tossApiBaseUrl : "http://127.0.0.1:" + apps.get(App.TOSS_SANDBOX),
                tossApiFromEnvironment, storefrontBaseUrl, sandboxPublicUrl,
                serviceTokenFromEnvironment, scrapeTokenFromEnvironment);
    }

    /** A copy whose data and logs live in another folder than {@code <root>/.local}. */
    LocalSettings withLocalDir(Path dir) {
        return new LocalSettings(root, dir.toAbsolutePath().normalize(), dbPort, kafkaPort, kafkaControllerPort,
                appPorts, instancePorts, tossApiBaseUrl, tossApiFromEnvironment, storefrontBaseUrl, sandboxPublicUrl,
                serviceTokenFromEnvironment, scrapeTokenFromEnvironment);
    }

    int instances(App app) {
        return instancePorts.getOrDefault(app, List.of(port(app))).size();
    }

    /** The address other processes use for an application: its only instance, or the front spreading across them. */
    int port(App app) {
        return appPorts.getOrDefault(app, app.port());
    }

    String url(App app) {
        return "http://127.0.0.1:" + port(app);
    }

    /**
     * The complete environment of one child: the launcher's own environment (minus {@link #NOT_INHERITED}) with
     * the local system's addresses on top. TOSS_API_BASE_URL is the launcher's value when it has one; profiles in
     * the launcher's SPRING_PROFILES_ACTIVE are kept, with {@link #LOCAL_PROFILE} added.
     */
    Map<String, String> childEnvironment(App app, Map<String, String> inherited) {
        return childEnvironment(app, port(app), inherited);
    }

    /** The environment of one instance, listening on {@code instancePort}. */
    Map<String, String> childEnvironment(App app, int instancePort, Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        NOT_INHERITED.forEach(env::remove);
        env.putAll(localVariables(app, instancePort));
        env.put("SPRING_PROFILES_ACTIVE", withLocalProfile(inherited.get("SPRING_PROFILES_ACTIVE")));
        return env;
    }

    /** {@code profiles} (comma-separated, may be null) with {@link #LOCAL_PROFILE} among them, once. */
    static String withLocalProfile(String profiles) {
        List<String> active = new java.util.ArrayList<>(profiles == null ? List.of() : java.util.Arrays.stream(
                profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).distinct().toList());
        if (!active.contains(LOCAL_PROFILE)) {
            active.add(LOCAL_PROFILE);
        }
        return String.join(",", active);
    }

    /** Only the variables the launcher sets (what {@link #childEnvironment} puts on top of the inherited ones). */
    Map<String, String> localVariables(App app) {
        return localVariables(app, port(app));
    }

    Map<String, String> localVariables(App app, int instancePort) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("SPRING_PROFILES_ACTIVE", LOCAL_PROFILE);
        vars.put("SERVER_PORT", String.valueOf(instancePort));
        vars.put("DB_HOST", "127.0.0.1");
        vars.put("DB_PORT", String.valueOf(dbPort));
        vars.put("DB_USER", "root");
        vars.put("DB_PASSWORD", "");
        vars.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        // Always the service's address as a whole: with several instances, the front that spreads across them.
        vars.put("ORDER_SERVICE_URL", url(App.ORDER));
        vars.put("PAYMENT_SERVICE_URL", url(App.PAYMENT));
        vars.put("SETTLEMENT_SERVICE_URL", url(App.SETTLEMENT));
        vars.put("TOSS_API_BASE_URL", tossApiBaseUrl);
        vars.put("STOREFRONT_BASE_URL", storefrontBaseUrl());
        vars.put("TOSS_SANDBOX_PUBLIC_URL", sandboxPublicUrl());
        // The sandbox delivers Toss's webhooks (virtual-account deposits, dashboard cancels) to payment-service.
        vars.put("SANDBOX_WEBHOOK_URL", url(App.PAYMENT) + "/api/v1/webhooks/toss");
        return vars;
    }

    /** The ports this run needs, checked before anything starts. */
    List<PortCheck.Wanted> wantedPorts(List<App> apps) {
        List<PortCheck.Wanted> ports = new java.util.ArrayList<>(List.of(
                new PortCheck.Wanted(dbPort, "MariaDB", "DB_PORT"),
                new PortCheck.Wanted(kafkaPort, "Kafka", "KAFKA_PORT"),
                new PortCheck.Wanted(kafkaControllerPort, "Kafka controller", "KAFKA_CONTROLLER_PORT")));
        for (App a : apps) {
            ports.add(new PortCheck.Wanted(port(a), a.module(), null));
            if (instances(a) > 1) {
                for (int i = 0; i < instances(a); i++) {
                    ports.add(new PortCheck.Wanted(instancePorts.get(a).get(i), a.module() + " instance " + i, null));
                }
            }
        }
        return ports;
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + dbPort + "/" + schema + "?createDatabaseIfNotExist=true";
    }

    /** Success/fail URLs the browser is sent to: the launcher's STOREFRONT_BASE_URL, else payment-service's address. */
    @Override
    public String storefrontBaseUrl() {
        return storefrontBaseUrl != null ? storefrontBaseUrl : "http://localhost:" + port(App.PAYMENT);
    }

    /** Where the browser loads the sandbox's SDK from. */
    @Override
    public String sandboxPublicUrl() {
        return sandboxPublicUrl != null ? sandboxPublicUrl : "http://localhost:" + port(App.TOSS_SANDBOX);
    }

    Path dataDir() {
        return localDir().resolve("data");
    }

    Path mariaDbDataDir() {
        return dataDir().resolve("mariadb");
    }

    Path kafkaDataDir() {
        return dataDir().resolve("kafka");
    }

    /** Unpacked MariaDB binaries: outside data/, so a reset keeps them (unpacking costs a few seconds). */
    Path mariaDbBaseDir() {
        return localDir().resolve("mariadb-base");
    }

    Path logsDir() {
        return localDir().resolve("logs");
    }

    Path log(String process) {
        return logsDir().resolve(process + ".log");
    }

    Path pidFile() {
        return localDir().resolve("pids");
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String raw = value(env, name);
        if (raw == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + raw + " is not a port number (1-65535)");
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

}
