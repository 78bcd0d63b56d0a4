package com.acme.shop.local;

import java.nio.file.Path;
import java.util.List;

/**
 * One Spring Boot application that the launcher runs as a child JVM from its module's exec jar.
 *
 * @param module the Maven module (and jar) name
 * @param port   its canonical port: where {@code ./run.sh} serves it; a {@link LocalCluster} may move it
 */
public record App(String module, int port) {

    /** Version of the jars that {@code ./mvnw install} builds next to this launcher. */
    static final String VERSION = "0.1.0-SNAPSHOT";

    public static final App TOSS_SANDBOX = new App("toss-sandbox", 8090);
    public static final App PAYMENT = new App("payment-service", 8081);
    public static final App ORDER = new App("order-service", 8082);
    public static final App SETTLEMENT = new App("settlement-service", 8083);
    public static final App ADMIN = new App("admin-service", 8084);

    /** The four services, started together once the sandbox is up; each can run as several instances. */
    public static final List<App> SERVICES = List.of(PAYMENT, ORDER, SETTLEMENT, ADMIN);

    /** Everything, in start order. */
    public static final List<App> ALL = List.of(TOSS_SANDBOX, PAYMENT, ORDER, SETTLEMENT, ADMIN);

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    String localUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** True for the four services (the sandbox, which imitates Toss, always runs once). */
    public boolean replicable() {
        return SERVICES.contains(this);
    }

    public static App byModule(String module) {
        return ALL.stream().filter(a -> a.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown application '" + module
                        + "'. Known: " + ALL.stream().map(App::module).toList()));
    }

    @Override
    public String toString() {
        return module;
    }
}
