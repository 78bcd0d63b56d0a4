package com.acme.shop.chaos.system;

import com.acme.shop.chaos.http.Http;
import com.acme.shop.local.App;
import com.acme.shop.local.LocalCluster;
import com.acme.shop.local.SupervisorListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test started and supervised by the local launcher ({@link LocalCluster}): MariaDB, a Kafka
 * broker JVM, the sandbox and N instances of each service on free ports behind the launcher's round-robin fronts,
 * in the run's own folder (a running {@code ./run.sh} is not touched). Each application gets the run's shorter
 * budgets as {@code SPRING_APPLICATION_JSON}.
 */
public final class LauncherSystem implements ChaosSystem {

    private final LocalCluster cluster;

    private LauncherSystem(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * @param properties Spring properties per application (the run's recovery budgets), on top of its own
     * @param console    where the launcher prints starts, deaths and restarts
     */
    public static LauncherSystem start(Path projectRoot, Path localDir, int instances,
                                       Map<Service, Map<String, String>> properties, PrintStream console) {
        LocalCluster.Options options = LocalCluster.Options.defaults().home(projectRoot).localDir(localDir)
                .freePorts().instances(instances).backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                // eight service JVMs starting together on a shared 2-core machine can take minutes
                .healthTimeout(Duration.ofMinutes(6))
                .console(console);
        Map<String, String> env = new HashMap<>(System.getenv());
        // the run's children must not inherit a shell's JVM or Spring settings meant for something else
        env.remove("SPRING_APPLICATION_JSON");
        env.remove("JAVA_TOOL_OPTIONS");
        options.environment(env);
        properties.forEach((service, props) -> options.env(app(service), "SPRING_APPLICATION_JSON",
                Http.JSON.writeValueAsString(props)));
        return new LauncherSystem(LocalCluster.start(options));
    }

    static App app(Service service) {
        return switch (service) {
            case SANDBOX -> App.TOSS_SANDBOX;
            case PAYMENT -> App.PAYMENT;
            case ORDER -> App.ORDER;
            case SETTLEMENT -> App.SETTLEMENT;
            case ADMIN -> App.ADMIN;
        };
    }

    static Service service(App app) {
        for (Service s : Service.values()) {
            if (app(s).equals(app)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an application of the run: " + app);
    }

    @Override
    public String url(Service service) {
        String url = cluster.url(app(service)).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public int instances(Service service) {
        return cluster.instances(app(service));
    }

    @Override
    public void kill(Service service, int instance) {
        cluster.kill(app(service), instance);
    }

    @Override
    public void restartKafka() {
        cluster.restartKafka();
    }

    @Override
    public void restartDatabase() {
        cluster.restartDatabase();
    }

    @Override
    public String jdbcBase() {
        String url = cluster.jdbcUrl("payment_service");
        return url.substring(0, url.indexOf("payment_service"));
    }

    @Override
    public String dbUser() {
        return cluster.dbUser();
    }

    @Override
    public String dbPassword() {
        return cluster.dbPassword();
    }

    @Override
    public String serviceToken() {
        return cluster.serviceToken();
    }

    @Override
    public void addListener(Listener listener) {
        cluster.addListener(new SupervisorListener() {
            @Override
            public void died(App app, int instance, Instant at, int exitCode) {
                listener.died(service(app), instance, at, exitCode);
            }

            @Override
            public void healthy(App app, int instance, Instant at, Duration downtime) {
                listener.healthy(service(app), instance, at);
            }
        });
    }

    public List<String> processes() {
        return List.of(cluster.logsDir().toString());
    }

    @Override
    public void close() {
        cluster.close();
    }
}
