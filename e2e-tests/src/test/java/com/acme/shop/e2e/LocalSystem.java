package com.acme.shop.e2e;

import com.acme.shop.admin.AdminServiceApplication;
import com.acme.shop.order.OrderServiceApplication;
import com.acme.shop.payment.PaymentServiceApplication;
import com.acme.shop.sandbox.TossSandboxApplication;
import com.acme.shop.settlement.SettlementServiceApplication;
import com.acme.shop.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system in this JVM: the Toss sandbox and the four services, each a separate Spring
 * application on its own port with its own schema, sharing one real database server and one real
 * Kafka broker. Started once for all end-to-end tests.
 */
final class LocalSystem {

    private static LocalSystem instance;

    /** The first ADMIN of admin-service, from its bootstrap configuration; the console's browser tests sign in as it. */
    static final String ADMIN_USERNAME = "e2e-admin";
    static final String ADMIN_PASSWORD = "e2e-admin-password-0123";

    final String sandbox;
    final String payment;
    final String order;
    final String settlement;
    final String admin;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    private LocalSystem() {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        ConfigurableApplicationContext sandboxApp = new SpringApplicationBuilder(TossSandboxApplication.class)
                .run("--server.port=0");
        apps.add(sandboxApp);
        sandbox = url(sandboxApp);

        // Order and settlement first (payment-service needs order-service's URL), in parallel to save time.
        CompletableFuture<ConfigurableApplicationContext> orderApp = CompletableFuture.supplyAsync(() ->
                OrderServiceApplication.builder().run(common(infra, "order_service")));
        CompletableFuture<ConfigurableApplicationContext> settlementApp = CompletableFuture.supplyAsync(() ->
                SettlementServiceApplication.builder().run(with(common(infra, "settlement_service"),
                        "--settlement.toss.base-url=" + sandbox,
                        // reconciliation is driven by its own tests; no scheduled run against the sandbox here
                        "--settlement.reconciliation.cron=-")));
        apps.add(orderApp.join());
        apps.add(settlementApp.join());
        order = url(apps.get(1));
        settlement = url(apps.get(2));

        CompletableFuture<ConfigurableApplicationContext> paymentApp = CompletableFuture.supplyAsync(() ->
                PaymentServiceApplication.builder().run(with(common(infra, "payment_service"),
                        "--payment.toss.base-url=" + sandbox,
                        "--shop.services.order-url=" + order,
                        "--shop.services.settlement-url=" + settlement,
                        "--payment.toss.read-timeout=5s")));
        ConfigurableApplicationContext paymentContext = paymentApp.join();
        apps.add(paymentContext);
        payment = url(paymentContext);
        // Toss (the sandbox) sends its webhooks to payment-service, as configured in Toss's developer center
        com.acme.shop.testsupport.Http.put(sandbox + "/sandbox/webhooks/config",
                java.util.Map.of("url", payment + "/api/v1/webhooks/toss"), java.util.Map.of());
        ConfigurableApplicationContext adminApp = AdminServiceApplication.builder().run(with(common(infra, "admin_service"),
                "--shop.admin.bootstrap.username=" + ADMIN_USERNAME,
                "--shop.admin.bootstrap.password=" + ADMIN_PASSWORD,
                "--shop.services.payment-url=" + payment,
                "--shop.services.order-url=" + order,
                "--shop.services.settlement-url=" + settlement));
        apps.add(adminApp);
        admin = url(adminApp);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    static synchronized LocalSystem get() {
        if (instance == null) {
            instance = new LocalSystem();
        }
        return instance;
    }

    private static String[] common(TestInfrastructure.Endpoints infra, String schema) {
        return new String[] {"--server.port=0",
                "--spring.datasource.url=" + infra.jdbcUrl(schema),
                "--spring.datasource.username=" + infra.username(),
                "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                // the credentials every service checks outside the local profile (docs/security.md)
                "--shop.security.service-token=" + TestInfrastructure.SERVICE_TOKEN,
                "--shop.security.scrape-token=" + TestInfrastructure.SCRAPE_TOKEN};
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String url(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private void stop() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
    }
}
