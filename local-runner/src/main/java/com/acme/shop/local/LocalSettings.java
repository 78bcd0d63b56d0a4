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
record LocalSettings(Path root, int dbPort, int kafkaPort, int kafkaControllerPort,
                     String tossApiBaseUrl, boolean tossApiFromEnvironment,
                     String storefrontBaseUrl, String sandboxPublicUrl,
                     boolean serviceTokenFromEnvironment, boolean scrapeTokenFromEnvironment) {

    static final int DEFAULT_DB_PORT = 3307;
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final String DEFAULT_TOSS_API_BASE_URL = App.TOSS_SANDBOX.localUrl();
    static final String DEFAULT_STOREFRONT_BASE_URL = "http://localhost:" + App.PAYMENT.port();
    static final String DEFAULT_SANDBOX_PUBLIC_URL = "http://localhost:" + App.TOSS_SANDBOX.port();

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
        return new LocalSettings(root.toAbsolutePath().normalize(), dbPort, kafkaPort, controllerPort,
                toss != null ? toss : DEFAULT_TOSS_API_BASE_URL, toss != null,
                orDefault(value(env, "STOREFRONT_BASE_URL"), DEFAULT_STOREFRONT_BASE_URL),
                orDefault(value(env, "TOSS_SANDBOX_PUBLIC_URL"), DEFAULT_SANDBOX_PUBLIC_URL),
                value(env, "SHOP_SERVICE_TOKEN") != null, value(env, "SHOP_SCRAPE_TOKEN") != null);
    }

    /**
     * The complete environment of one child: the launcher's own environment (minus {@link #NOT_INHERITED}) with
     * the local system's addresses on top. TOSS_API_BASE_URL is the launcher's value when it has one; profiles in
     * the launcher's SPRING_PROFILES_ACTIVE are kept, with {@link #LOCAL_PROFILE} added.
     */
    Map<String, String> childEnvironment(App app, Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        NOT_INHERITED.forEach(env::remove);
        env.putAll(localVariables(app));
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
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("SPRING_PROFILES_ACTIVE", LOCAL_PROFILE);
        vars.put("SERVER_PORT", String.valueOf(app.port()));
        vars.put("DB_HOST", "127.0.0.1");
        vars.put("DB_PORT", String.valueOf(dbPort));
        vars.put("DB_USER", "root");
        vars.put("DB_PASSWORD", "");
        vars.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        vars.put("ORDER_SERVICE_URL", App.ORDER.localUrl());
        vars.put("PAYMENT_SERVICE_URL", App.PAYMENT.localUrl());
        vars.put("SETTLEMENT_SERVICE_URL", App.SETTLEMENT.localUrl());
        vars.put("TOSS_API_BASE_URL", tossApiBaseUrl);
        vars.put("STOREFRONT_BASE_URL", storefrontBaseUrl);
        vars.put("TOSS_SANDBOX_PUBLIC_URL", sandboxPublicUrl);
        // The sandbox delivers Toss's webhooks (virtual-account deposits, dashboard cancels) to payment-service.
        vars.put("SANDBOX_WEBHOOK_URL", App.PAYMENT.localUrl() + "/api/v1/webhooks/toss");
        return vars;
    }

    /** The ports this run needs, checked before anything starts. */
    List<PortCheck.Wanted> wantedPorts(List<App> apps) {
        List<PortCheck.Wanted> ports = new java.util.ArrayList<>(List.of(
                new PortCheck.Wanted(dbPort, "MariaDB", "DB_PORT"),
                new PortCheck.Wanted(kafkaPort, "Kafka", "KAFKA_PORT"),
                new PortCheck.Wanted(kafkaControllerPort, "Kafka controller", "KAFKA_CONTROLLER_PORT")));
        apps.forEach(a -> ports.add(new PortCheck.Wanted(a.port(), a.module(), null)));
        return ports;
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + dbPort + "/" + schema + "?createDatabaseIfNotExist=true";
    }

    Path localDir() {
        return root.resolve(".local");
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

    private static String orDefault(String value, String defaultValue) {
        return value != null ? value : defaultValue;
    }
}
