package com.acme.shop.payment.bench;

import com.acme.shop.infra.FreePorts;
import com.acme.shop.payment.PaymentServiceApplication;
import com.acme.shop.sandbox.TossSandboxApplication;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * What both benchmarks run against: payment-service with the given extra arguments in a JVM of its own, and
 * in this JVM the real MariaDB server (a child process) and Kafka broker of {@link TestInfrastructure}, the
 * Toss sandbox with a fixed default latency, a stub of order-service's quote endpoint (one product, 21,000
 * won) and the load generator. Not a test: the benchmarks' main methods use it.
 */
final class BenchSystem implements AutoCloseable {

    static final long PRICE = 21_000;

    /** The benchmark's own client: HTTP/1.1 (no h2c upgrade attempt), one connection per request in flight. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final ConfigurableApplicationContext sandbox;
    final Process payment;
    final String sandboxUrl;
    final String paymentUrl;
    final JdbcTemplate jdbc;
    final TestInfrastructure.Endpoints infra;
    private final HttpServer catalog;

    private BenchSystem(ConfigurableApplicationContext sandbox, Process payment, int paymentPort, HttpServer catalog,
                        TestInfrastructure.Endpoints infra, DriverManagerDataSource db) {
        this.sandbox = sandbox;
        this.payment = payment;
        this.catalog = catalog;
        this.infra = infra;
        this.sandboxUrl = "http://127.0.0.1:" + sandbox.getEnvironment().getProperty("local.server.port");
        this.paymentUrl = "http://127.0.0.1:" + paymentPort;
        this.jdbc = new JdbcTemplate(db);
    }

    /**
     * @param latency     the sandbox's default latency on every {@code /v1} call
     * @param sandboxArgs extra arguments for the sandbox (its web server tuning)
     * @param paymentArgs extra arguments for payment-service (pool size, web server tuning)
     */
    static BenchSystem start(Duration latency, List<String> sandboxArgs, List<String> paymentArgs) {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        List<String> sArgs = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=toss-sandbox",
                "--sandbox.default-latency=" + latency.toMillis() + "ms", "--sandbox.call-log-capacity=1000000"));
        sArgs.addAll(sandboxArgs);
        ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(TossSandboxApplication.class)
                .run(sArgs.toArray(String[]::new));
        String sandboxUrl = "http://127.0.0.1:" + sandbox.getEnvironment().getProperty("local.server.port");
        HttpServer catalog = catalogStub();
        String catalogUrl = "http://127.0.0.1:" + catalog.getAddress().getPort();
        int port = FreePorts.pick();
        List<String> pArgs = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.datasource.url=" + infra.jdbcUrl("payment_service"),
                "--spring.datasource.username=" + infra.username(),
                "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--payment.toss.base-url=" + sandboxUrl,
                "--shop.services.order-url=" + catalogUrl,
                "--shop.services.settlement-url=" + catalogUrl,
                "--shop.security.service-token=" + TestInfrastructure.SERVICE_TOKEN));
        pArgs.addAll(paymentArgs);
        Process payment = startPaymentService(pArgs);
        DriverManagerDataSource db = new DriverManagerDataSource(infra.jdbcUrl("payment_service"),
                infra.username(), infra.password());
        return new BenchSystem(sandbox, payment, port, catalog, infra, db);
    }

    /**
     * payment-service in a JVM of its own, as it runs in production, so its CPU time is measured apart from the
     * load generator's, the sandbox's and the broker's. Same classpath as this JVM; log in .local/bench.
     */
    private static Process startPaymentService(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx2g"));
        // e.g. a JFR recording of payment-service alone: -XX:StartFlightRecording=filename=/tmp/payment.jfr
        String extra = System.getenv("BENCH_PAYMENT_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PaymentServiceApplication.class.getName()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("payment-service.log").toFile()).start();
            String health = "http://127.0.0.1:" + portOf(args) + "/actuator/health";
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("payment-service exited with " + process.exitValue()
                            + "; see " + Path.of("payment-service.log").toAbsolutePath());
                }
                try {
                    if (Http.get(health).status() == 200) {
                        System.out.println("payment-service up (pid " + process.pid() + ")");
                        return process;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("payment-service did not become healthy within 2 minutes");
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String portOf(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--server.port=")).findFirst().orElseThrow()
                .substring("--server.port=".length());
    }

    /** One approved-able payment: checked out and authenticated at the sandbox, not yet confirmed. */
    record Prepared(String orderId, String checkoutToken, String paymentKey, long amount) {
    }

    /** Checkout + the customer's approval in the sandbox's payment window, for {@code n} orders (not measured). */
    List<Prepared> prepare(int n, int parallelism) {
        return parallel(n, parallelism, i -> {
            Http.Response checkout = Http.post(paymentUrl + "/api/v1/payments/checkout", Map.of("customerId",
                    "bench-" + (i % 100), "items", List.of(Map.of("productId", "TSHIRT", "quantity", 1))));
            require(checkout.status() == 201, "checkout", checkout);
            String orderId = checkout.body().get("orderId").asString();
            Http.Response window = Http.post(sandboxUrl + "/sandbox/payments", Map.of("orderId", orderId,
                    "amount", PRICE, "orderName", checkout.body().get("orderName").asString(), "method", "카드"));
            require(window.status() == 200, "sandbox payment", window);
            return new Prepared(orderId, checkout.body().get("checkoutToken").asString(),
                    window.body().get("paymentKey").asString(), PRICE);
        });
    }

    /** A confirm as the storefront sends it; returns the status and the payment's status in the answer. */
    record Answer(int status, String paymentStatus, long nanos, String raw) {
    }

    Answer confirm(Prepared p) {
        String body = "{\"paymentKey\":\"" + p.paymentKey() + "\",\"orderId\":\"" + p.orderId() + "\",\"amount\":"
                + p.amount() + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(paymentUrl + "/api/v1/payments/confirm"))
                .header("Content-Type", "application/json").header("X-Checkout-Token", p.checkoutToken())
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            JsonNode json = Http.JSON.readTree(response.body());
            String status = json != null && json.has("status") ? json.get("status").asString() : null;
            return new Answer(response.statusCode(), status, nanos, response.body());
        } catch (IOException e) {
            return new Answer(-1, null, System.nanoTime() - start, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sets the sandbox's default latency at runtime. */
    void sandboxLatency(Duration latency) {
        Http.Response r = Http.put(sandboxUrl + "/sandbox/settings", Map.of("defaultLatencyMs", latency.toMillis()),
                Map.of());
        require(r.status() == 200 && r.body().get("defaultLatencyMs").asLong() == latency.toMillis(), "settings", r);
    }

    void clearSandboxCalls() {
        require(Http.delete(sandboxUrl + "/sandbox/calls").status() == 204, "clear call log", null);
    }

    /** POST calls the sandbox logged whose path contains {@code pathPart}, counted per orderId or paymentKey. */
    Map<String, Integer> sandboxPostsBy(String pathPart, String field) {
        Http.Response r = Http.get(sandboxUrl + "/sandbox/calls?path=" + pathPart);
        require(r.status() == 200, "call log", r);
        Map<String, Integer> counts = new HashMap<>();
        r.body().forEach(c -> {
            if (c.get("method").asString().equals("POST")) {
                counts.merge(c.get(field).asString(), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Waits until the outbox relay has published everything (so it does not compete with the next phase). */
    void awaitOutboxDrained(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Integer unsent = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Integer.class);
            if (unsent != null && unsent == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("outbox not drained within " + atMost);
    }

    /** Runs {@code task(0..n-1)} on virtual threads, at most {@code parallelism} at a time; results in index order. */
    static <T> List<T> parallel(int n, int parallelism, IntFunction<T> task) {
        Semaphore permits = new Semaphore(parallelism);
        List<Future<T>> futures = new ArrayList<>(n);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                permits.acquireUninterruptibly();
                futures.add(executor.submit(() -> {
                    try {
                        return task.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<T> results = new ArrayList<>(n);
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    /** CPU time payment-service's JVM has used so far. */
    long paymentCpuNanos() {
        return payment.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time this JVM (load generator, sandbox, Kafka broker) has used so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time used so far by the database server when it is a process of this machine started by this JVM
     * (the embedded MariaDB); -1 when there is none (a Testcontainers database).
     */
    static long databaseCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .map(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L))
                .findFirst().orElse(-1L);
    }

    /** The server's statement counters ({@code SHOW GLOBAL STATUS}), to count statements per operation. */
    Map<String, Long> statementCounters() {
        Map<String, Long> counters = new HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', "
                + "'Com_update', 'Com_delete', 'Com_commit', 'Com_rollback', 'Com_set_option')",
                rs -> {
                    counters.put(rs.getString(1), rs.getLong(2));
                });
        return counters;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    static void require(boolean ok, String what, Http.Response r) {
        if (!ok) {
            throw new IllegalStateException(what + " failed" + (r == null ? "" : ": " + r.status() + " " + r.raw()));
        }
    }

    /** {@code --name=value} arguments with defaults. */
    static Map<String, String> args(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a + "; known: " + defaults.keySet());
            }
            String name = a.substring(2, a.indexOf('='));
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            values.put(name, a.substring(a.indexOf('=') + 1));
        }
        return values;
    }

    static List<String> split(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    @Override
    public void close() {
        payment.destroy();
        try {
            if (!payment.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                payment.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            payment.destroyForcibly();
        }
        sandbox.close();
        catalog.stop(0);
    }

    /** order-service's quote endpoint: one product at a fixed price. */
    private static HttpServer catalogStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/v1/quotes", exchange -> {
                JsonNode request = Http.JSON.readTree(exchange.getRequestBody());
                int quantity = request.get("items").get(0).get("quantity").asInt();
                String body = Http.JSON.writeValueAsString(Map.of("items", List.of(Map.of("productId", "TSHIRT",
                        "productName", "TSHIRT 상품", "quantity", quantity, "unitPrice", PRICE,
                        "lineAmount", PRICE * quantity)), "totalAmount", PRICE * quantity, "orderName", "TSHIRT 상품"));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
