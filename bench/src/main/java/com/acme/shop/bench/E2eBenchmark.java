package com.acme.shop.bench;

import com.acme.shop.local.App;
import com.acme.shop.local.LocalCluster;
import com.acme.shop.local.SupervisorListener;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #13 item 5, the end-to-end benchmark: the Toss sandbox and the four services as separate JVMs, MariaDB and a
 * Kafka broker, all on this machine through {@link LocalCluster} (free ports, its own folder), driven over HTTP as
 * the storefront and the customer drive them. In the same run it measures this machine's ceilings the same way
 * every time, and prints every result also as a ratio to them. Run it with {@code bench/e2e.sh}; the method and the
 * recorded numbers are in docs/benchmarks.md.
 *
 * <p>Phases: ceilings (durable single-row commits at 16 clients, Kafka acks=all produce rate, CPU of a reference
 * request), an idle baseline of the database's commit counters, a warm-up, a fixed 100 sagas/s, saturation (a closed
 * loop), compensation (out of stock after approval: refunded at Toss), and a kill -9 of payment-service under load.
 */
public final class E2eBenchmark {

    static final String MUG = "MUG-WHT";
    static final String HOODIE = "HOODIE-LTD";

    private final Map<String, String> args;
    private final LocalCluster cluster;
    private final Path root;
    private final PrintStream out = System.out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .build();
    /**
     * The applications' JVM options here: the production image's JIT (C1 and C2, the JVM's default; deploy/docker),
     * with the launcher's heap and collector. {@code ./run.sh} stops at C1 (ServiceProcess.JVM_OPTIONS), which starts
     * faster but runs the same code at a higher CPU cost, which is not what production pays per saga.
     */
    static final List<String> JVM_OPTIONS = jvmOptions(System.getenv("BENCH_APP_JVM_OPTS"));

    /**
     * {@code BENCH_APP_JVM_OPTS} adds options to the applications' JVMs (and the reference's), e.g. a flight
     * recording per process to find where a saga's CPU goes: {@code -XX:StartFlightRecording=filename=/tmp/%p.jfr}.
     */
    static List<String> jvmOptions(String extra) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(options);
    }

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private E2eBenchmark(Map<String, String> args, LocalCluster cluster, Path root) {
        this.args = args;
        this.cluster = cluster;
        this.root = root;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = parse(argv, Map.of(
                "rate", "100",
                "rate-seconds", "30",
                "sat-seconds", "30",
                "sat-concurrency", "48",
                "warmup-seconds", "120",
                "comp-n", "300",
                "comp-rate", "50",
                "ceiling-seconds", "10",
                "recovery-rate", "20"));
        Path root = Path.of(System.getProperty("shop.home", "")).toAbsolutePath().normalize();
        Path dir = root.resolve(".local/bench-e2e");
        deleteTree(dir.resolve("data"));
        Files.createDirectories(dir);
        System.out.println("Starting the system (LocalCluster, free ports, data and logs in " + dir + ") ...");
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.Options.defaults().home(root).localDir(dir)
                .freePorts().jvmOptions(JVM_OPTIONS).backoff(Duration.ofMillis(500), Duration.ofSeconds(5)))) {
            new E2eBenchmark(a, cluster, root).run();
        }
        System.exit(0); // the HTTP client's and the cluster's threads
    }

    // ------------------------------------------------------------------------------------------------ phases

    private void run() throws Exception {
        Instant started = Instant.now();
        setStock(MUG, 1_000_000); // the API allows at most 1,000,000
        Cpu cpu = new Cpu(processes());

        // 1. ceilings
        double commitCeiling = commitCeiling(16, seconds("ceiling-seconds"));
        results.put("ceiling.commits_per_s_16_clients", commitCeiling);
        double kafkaCeiling = kafkaCeiling(seconds("ceiling-seconds"));
        results.put("ceiling.kafka_acks_all_records_per_s", kafkaCeiling);
        Reference ref = referenceRequest();
        results.put("ceiling.reference_cpu_ms_per_request", ref.cpuMsPerRequest);
        results.put("ceiling.reference_requests_per_s", ref.requestsPerSecond);

        // 2. idle baseline of the commit counters (job sweeps and relays commit even without work)
        Map<String, Long> s0 = dbStatus();
        long idleStart = System.nanoTime();
        Thread.sleep(5000);
        Map<String, Long> s1 = dbStatus();
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        double idleCommitsPerS = (s1.get("Com_commit") - s0.get("Com_commit")) / idleSeconds;
        double idleHandlerCommitsPerS = (s1.get("Handler_commit") - s0.get("Handler_commit")) / idleSeconds;
        results.put("idle.com_commit_per_s", idleCommitsPerS);

        // 3. warm-up (the JIT's C2 compilations, connection pools, Kafka consumers)
        out.println("Warm-up: closed loop, 8 customers, " + seconds("warmup-seconds") + " s ...");
        closedLoop(8, seconds("warmup-seconds"), MUG);

        // 4. fixed rate
        int rate = Integer.parseInt(args.get("rate"));
        out.printf("Fixed rate: %d sagas/s for %d s ...%n", rate, seconds("rate-seconds"));
        cpu.mark();
        List<Saga> fixed = openLoop(rate, seconds("rate-seconds"), MUG, null);
        Map<String, Double> fixedCpu = cpu.secondsSinceMark();
        long fixedOk = fixed.stream().filter(s -> s.confirmed).count();
        awaitCompletion(fixed, Duration.ofSeconds(180));
        Completion fixedCompletion = completion(fixed);
        results.put("fixed.sagas_sent", fixed.size());
        results.put("fixed.not_sent_" + MAX_IN_FLIGHT + "_in_flight", lastSkipped);
        results.put("fixed.confirmed", fixedOk);
        results.put("fixed.confirm_ms.p50", pct(confirmMs(fixed), 50));
        results.put("fixed.confirm_ms.p99", pct(confirmMs(fixed), 99));
        results.put("fixed.approval_to_order_ms.p50", pct(fixedCompletion.toOrder, 50));
        results.put("fixed.approval_to_order_ms.p99", pct(fixedCompletion.toOrder, 99));
        results.put("fixed.approval_to_settlement_ms.p50", pct(fixedCompletion.toSettlement, 50));
        results.put("fixed.approval_to_settlement_ms.p99", pct(fixedCompletion.toSettlement, 99));
        results.put("fixed.incomplete", fixedCompletion.incomplete);
        putCpu("fixed", fixedCpu, fixedOk, ref.cpuMsPerRequest);

        progress();

        // 5. saturation
        int concurrency = Integer.parseInt(args.get("sat-concurrency"));
        out.printf("Saturation: closed loop, %d customers, %d s ...%n", concurrency, seconds("sat-seconds"));
        Map<String, Long> k0 = topicOffsets();
        Map<String, Long> d0 = dbStatus();
        cpu.mark();
        long satStart = System.nanoTime();
        Instant satWallStart = Instant.now();
        List<Saga> sat = closedLoop(concurrency, seconds("sat-seconds"), MUG);
        double satSeconds = (System.nanoTime() - satStart) / 1e9;
        Map<String, Double> satCpu = cpu.secondsSinceMark();
        awaitCompletion(sat, Duration.ofSeconds(180));
        Map<String, Long> d1 = dbStatus();
        Map<String, Long> k1 = topicOffsets();
        Completion satCompletion = completion(sat);
        long satConfirmed = sat.stream().filter(s -> s.confirmed).count();
        // completions inside the load window, after a 5 s ramp: the steady rate the whole chain sustains
        long completedInWindow = satCompletion.completedBetween(satWallStart.plusSeconds(5),
                satWallStart.plusNanos((long) (satSeconds * 1e9)));
        double sagasPerS = completedInWindow / (satSeconds - 5);
        double settleSeconds = satSeconds; // the counters run from the load's start to the end of its drain
        long comCommit = d1.get("Com_commit") - d0.get("Com_commit");
        long handlerCommit = d1.get("Handler_commit") - d0.get("Handler_commit");
        double drainSeconds = satCompletion.drainSeconds;
        double commitsPerSaga = (comCommit - idleCommitsPerS * (settleSeconds + drainSeconds)) / satConfirmed;
        double handlerCommitsPerSaga = (handlerCommit - idleHandlerCommitsPerS * (settleSeconds + drainSeconds))
                / satConfirmed;
        long records = k1.values().stream().mapToLong(Long::longValue).sum() - k0.values().stream().mapToLong(Long::longValue).sum();
        results.put("saturation.customers", concurrency);
        results.put("saturation.confirmed", satConfirmed);
        results.put("saturation.failed", sat.size() - satConfirmed);
        results.put("saturation.sagas_per_s", sagasPerS);
        results.put("saturation.confirm_ms.p50", pct(confirmMs(sat), 50));
        results.put("saturation.confirm_ms.p99", pct(confirmMs(sat), 99));
        results.put("saturation.approval_to_settlement_ms.p99", pct(satCompletion.toSettlement, 99));
        results.put("saturation.com_commit_per_saga", commitsPerSaga);
        results.put("saturation.handler_commit_per_saga", handlerCommitsPerSaga);
        results.put("saturation.kafka_records_per_saga", (double) records / satConfirmed);
        putCpu("saturation", satCpu, satConfirmed, ref.cpuMsPerRequest);
        double bound = commitCeiling / commitsPerSaga;
        results.put("target.commit_bound_sagas_per_s", bound);
        results.put("target.sagas_per_s_over_commit_bound", sagasPerS / bound);
        results.put("target.kafka_records_per_s_over_ceiling", sagasPerS * records / satConfirmed / kafkaCeiling);
        results.put("saturation.cores_used", satCpu.values().stream().mapToDouble(Double::doubleValue).sum() / satSeconds);

        progress();

        // 6. compensation (a failure here is reported, and the run goes on)
        Compensation comp = new Compensation(0, List.of(), List.of());
        try {
            comp = compensation(Integer.parseInt(args.get("comp-n")), Integer.parseInt(args.get("comp-rate")));
        } catch (IOException | RuntimeException e) {
            notes.add("compensation phase failed: " + e);
        }
        results.put("compensation.sagas", comp.n);
        results.put("compensation.refunded", comp.failedToRefund.size());
        results.put("compensation.failed_to_refund_ms.p50", pct(comp.failedToRefund, 50));
        results.put("compensation.failed_to_refund_ms.p99", pct(comp.failedToRefund, 99));
        results.put("compensation.approval_to_refund_ms.p99", pct(comp.approvalToRefund, 99));
        progress();

        // 7. recovery after kill -9 of payment-service
        Recovery recovery = new Recovery(Double.NaN, Double.NaN, 0);
        try {
            recovery = recovery(Integer.parseInt(args.get("recovery-rate")));
        } catch (RuntimeException e) {
            notes.add("recovery phase failed: " + e);
        }
        results.put("recovery.kill_to_healthy_s", recovery.toHealthy);
        results.put("recovery.kill_to_first_confirm_s", recovery.toFirstConfirm);
        results.put("recovery.failed_confirms_while_down", recovery.failedWhileDown);

        // report
        String report = report(Duration.between(started, Instant.now()), fixed, sat, fixedCompletion, satCompletion,
                comp, recovery, satCpu, satSeconds);
        out.println(report);
        Path reportFile = root.resolve(".local/bench-e2e/report.md");
        Files.writeString(reportFile, report);
        Charts.write(root.resolve("docs/images"), confirmMs(fixed), fixedCompletion, comp.failedToRefund, rate);
        out.println("Report: " + reportFile + "; charts: docs/images/bench-e2e-*.png");
    }

    // ------------------------------------------------------------------------------------------------ the saga

    /** One customer's saga as the driver saw it. */
    static final class Saga {
        String orderId;
        long amount;
        boolean confirmed;
        long startNanos;
        Instant startedAt;
        Instant confirmedAt;
        double confirmMs = Double.NaN;
        String error;
    }

    private URI url(App app, String path) {
        return cluster.url(app).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** checkout -> the customer approves in the sandbox's window -> confirm. */
    Saga saga(String productId) {
        Saga s = new Saga();
        s.startNanos = System.nanoTime();
        s.startedAt = Instant.now();
        try {
            HttpResponse<String> checkout = send(post(url(App.PAYMENT, "/api/v1/payments/checkout"),
                    "{\"customerId\":\"bench\",\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}").build());
            if (checkout.statusCode() != 201) {
                s.error = "checkout " + checkout.statusCode();
                return s;
            }
            s.orderId = field(checkout.body(), "orderId");
            s.amount = Long.parseLong(field(checkout.body(), "amount"));
            String orderName = field(checkout.body(), "orderName");
            String token = field(checkout.body(), "checkoutToken");
            HttpResponse<String> window = send(post(url(App.TOSS_SANDBOX, "/sandbox/payments"),
                    "{\"orderId\":\"" + s.orderId + "\",\"amount\":" + s.amount + ",\"orderName\":\"" + orderName
                            + "\",\"method\":\"카드\"}").build());
            if (window.statusCode() != 200) {
                s.error = "sandbox " + window.statusCode();
                return s;
            }
            String paymentKey = field(window.body(), "paymentKey");
            long t0 = System.nanoTime();
            HttpResponse<String> confirm = send(post(url(App.PAYMENT, "/api/v1/payments/confirm"),
                    "{\"paymentKey\":\"" + paymentKey + "\",\"orderId\":\"" + s.orderId + "\",\"amount\":" + s.amount + "}")
                    .header("X-Checkout-Token", token).build());
            s.confirmMs = (System.nanoTime() - t0) / 1e6;
            s.confirmedAt = Instant.now();
            s.confirmed = confirm.statusCode() == 200 && "DONE".equals(field(confirm.body(), "status"));
            if (!s.confirmed) {
                s.error = "confirm " + confirm.statusCode();
            }
        } catch (IOException e) {
            s.error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.error = "interrupted";
        }
        return s;
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+)|true|false|null)");

    /** A top-level string or number field of a small JSON answer (enough for these answers, no JSON library). */
    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        throw new IllegalStateException("no \"" + name + "\" in " + json);
    }

    /** {@code customers} customers, each running sagas one after the other, for {@code seconds}. */
    List<Saga> closedLoop(int customers, int seconds, String productId) throws InterruptedException {
        ConcurrentLinkedQueue<Saga> sagas = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    sagas.add(saga(productId));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new ArrayList<>(sagas);
    }

    /** Sagas started at a fixed rate (open loop: a slow answer does not slow the arrivals). */
    List<Saga> openLoop(int perSecond, int seconds, String productId, Runnable each) throws InterruptedException {
        ConcurrentLinkedQueue<Saga> sagas = new ConcurrentLinkedQueue<>();
        int n = perSecond * seconds;
        CountDownLatch done = new CountDownLatch(n);
        // A saga that would be the MAX_IN_FLIGHT+1-th outstanding one is not sent but counted: when the system
        // cannot keep up, the driver must not bury it under tens of thousands of open connections.
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        AtomicLong skipped = new AtomicLong();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            if (each != null) {
                each.run();
            }
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                done.countDown();
                continue;
            }
            Thread.ofVirtual().start(() -> {
                try {
                    sagas.add(saga(productId));
                } finally {
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await();
        lastSkipped = skipped.get();
        lastOfferedSeconds = (System.nanoTime() - start) / 1e9;
        return new ArrayList<>(sagas);
    }

    static final int MAX_IN_FLIGHT = 400;
    private volatile long lastSkipped;
    private volatile double lastOfferedSeconds;

    static List<Double> confirmMs(Collection<Saga> sagas) {
        return sagas.stream().filter(s -> s.confirmed).map(s -> s.confirmMs).toList();
    }

    // ------------------------------------------------------------------------------------------------ completion

    /** Per confirmed saga: Toss's approval -> the order row, -> the first settlement row (ms), from the rows' times. */
    static final class Completion {
        final List<Double> toOrder = new ArrayList<>();
        final List<Double> toSettlement = new ArrayList<>();
        final Map<String, Instant> completedAt = new LinkedHashMap<>();
        long incomplete;
        double drainSeconds;

        long completedBetween(Instant from, Instant to) {
            return completedAt.values().stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).count();
        }
    }

    private Connection db(String schema) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(schema), cluster.dbUser(), cluster.dbPassword());
    }

    /** Waits until every confirmed saga has its order and settlement rows, or the timeout. */
    void awaitCompletion(List<Saga> sagas, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> ids = sagas.stream().filter(s -> s.confirmed).map(s -> s.orderId).toList();
        while (System.nanoTime() < deadline) {
            long orders = count("order_service", "SELECT COUNT(*) FROM orders WHERE order_id IN (%s)", ids);
            long settled = count("settlement_service",
                    "SELECT COUNT(DISTINCT order_id) FROM settlement_entry WHERE order_id IN (%s)", ids);
            if (orders >= ids.size() && settled >= ids.size()) {
                return;
            }
            Thread.sleep(200);
        }
        notes.add("some sagas were not complete " + timeout.toSeconds() + " s after the load ended");
    }

    private long count(String schema, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        long total = 0;
        try (Connection c = db(schema); Statement st = c.createStatement()) {
            for (int i = 0; i < ids.size(); i += 1000) {
                String in = inList(ids.subList(i, Math.min(ids.size(), i + 1000)));
                try (ResultSet rs = st.executeQuery(sql.formatted(in))) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    private static String inList(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalStateException("unexpected orderId " + id);
            }
            b.append(b.isEmpty() ? "" : ",").append('\'').append(id).append('\'');
        }
        return b.toString();
    }

    /** Times per order id from one schema: {@code SELECT order_id, <time> ...}. */
    private Map<String, Instant> times(String schema, String sql, List<String> ids) throws SQLException {
        Map<String, Instant> times = new LinkedHashMap<>();
        try (Connection c = db(schema); Statement st = c.createStatement()) {
            for (int i = 0; i < ids.size(); i += 1000) {
                String in = inList(ids.subList(i, Math.min(ids.size(), i + 1000)));
                try (ResultSet rs = st.executeQuery(sql.formatted(in))) {
                    while (rs.next()) {
                        LocalDateTime t = rs.getObject(2, LocalDateTime.class);
                        if (t != null) {
                            times.put(rs.getString(1), t.toInstant(ZoneOffset.UTC)); // the services store UTC
                        }
                    }
                }
            }
        }
        return times;
    }

    /**
     * When payment-service recorded Toss's approval: the confirm's {@code pg_request} row completed with APPROVED
     * (microseconds; Toss's own {@code approvedAt} has whole seconds only).
     */
    private Map<String, Instant> approvals(List<String> ids) throws SQLException {
        return times("payment_service", "SELECT order_id, MIN(completed_at) FROM pg_request WHERE order_id IN (%s)"
                + " AND kind = 'CONFIRM' AND outcome = 'APPROVED' GROUP BY order_id", ids);
    }

    Completion completion(List<Saga> sagas) throws SQLException {
        List<String> ids = sagas.stream().filter(s -> s.confirmed).map(s -> s.orderId).toList();
        Map<String, Instant> approved = approvals(ids);
        Map<String, Instant> ordered = times("order_service",
                "SELECT order_id, created_at FROM orders WHERE order_id IN (%s)", ids);
        Map<String, Instant> settled = times("settlement_service",
                "SELECT order_id, MIN(created_at) FROM settlement_entry WHERE order_id IN (%s) GROUP BY order_id", ids);
        Completion c = new Completion();
        Instant last = Instant.MIN;
        for (String id : ids) {
            Instant a = approved.get(id);
            Instant o = ordered.get(id);
            Instant s = settled.get(id);
            if (a == null || o == null || s == null) {
                c.incomplete++;
                continue;
            }
            c.toOrder.add(Duration.between(a, o).toNanos() / 1e6);
            c.toSettlement.add(Duration.between(a, s).toNanos() / 1e6);
            Instant done = o.isAfter(s) ? o : s;
            c.completedAt.put(id, done);
            if (done.isAfter(last)) {
                last = done;
            }
        }
        Instant lastConfirm = sagas.stream().map(x -> x.confirmedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(last);
        c.drainSeconds = Math.max(0, Duration.between(lastConfirm, last).toNanos() / 1e9);
        return c;
    }

    // ------------------------------------------------------------------------------------------------ compensation

    record Compensation(int n, List<Double> failedToRefund, List<Double> approvalToRefund) {
    }

    /**
     * {@code n} checkouts of the hoodie while it is in stock, then the stock runs out, then every customer pays:
     * order-service answers ORDER_CREATION_FAILED (out of stock) and payment-service refunds at Toss. Measured per
     * order: the failed order row (written with ORDER_CREATION_FAILED) -> the refund recorded after Toss's answer.
     */
    Compensation compensation(int n, int perSecond) throws Exception {
        out.printf("Compensation: %d out-of-stock sagas at %d/s ...%n", n, perSecond);
        setStock(HOODIE, n);
        List<String[]> checkouts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = null;
            for (int attempt = 1; r == null; attempt++) {
                try {
                    r = send(post(url(App.PAYMENT, "/api/v1/payments/checkout"),
                            "{\"customerId\":\"bench-comp\",\"items\":[{\"productId\":\"" + HOODIE + "\",\"quantity\":1}]}").build());
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(1000);
                }
            }
            if (r.statusCode() != 201) {
                throw new IllegalStateException("checkout " + r.statusCode() + " " + r.body());
            }
            checkouts.add(new String[] {field(r.body(), "orderId"), field(r.body(), "amount"),
                    field(r.body(), "orderName"), field(r.body(), "checkoutToken")});
        }
        setStock(HOODIE, 0);
        List<String> ids = new ArrayList<>();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] c = checkouts.get(i);
            ids.add(c[0]);
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    String paymentKey = field(send(post(url(App.TOSS_SANDBOX, "/sandbox/payments"),
                            "{\"orderId\":\"" + c[0] + "\",\"amount\":" + c[1] + ",\"orderName\":\"" + c[2]
                                    + "\",\"method\":\"카드\"}").build()).body(), "paymentKey");
                    send(post(url(App.PAYMENT, "/api/v1/payments/confirm"), "{\"paymentKey\":\"" + paymentKey
                            + "\",\"orderId\":\"" + c[0] + "\",\"amount\":" + c[1] + "}")
                            .header("X-Checkout-Token", c[3]).build());
                } catch (IOException | RuntimeException e) {
                    notes.add("compensation saga " + c[0] + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Instant> refunded = Map.of();
        while (System.nanoTime() < deadline) {
            refunded = times("payment_service", "SELECT order_id, MAX(completed_at) FROM payment_cancel WHERE order_id IN (%s)"
                    + " AND status = 'SUCCEEDED' GROUP BY order_id", ids);
            if (refunded.size() >= n) {
                break;
            }
            Thread.sleep(500);
        }
        if (refunded.size() < n) {
            notes.add("compensation: only " + refunded.size() + " of " + n + " refunds recorded within 120 s");
        }
        Map<String, Instant> failed = times("order_service", "SELECT order_id, created_at FROM orders WHERE order_id IN (%s)", ids);
        Map<String, Instant> approved = approvals(ids);
        List<Double> failedToRefund = new ArrayList<>();
        List<Double> approvalToRefund = new ArrayList<>();
        for (Map.Entry<String, Instant> r : refunded.entrySet()) {
            Instant f = failed.get(r.getKey());
            Instant a = approved.get(r.getKey());
            if (f != null) {
                failedToRefund.add(Duration.between(f, r.getValue()).toNanos() / 1e6);
            }
            if (a != null) {
                approvalToRefund.add(Duration.between(a, r.getValue()).toNanos() / 1e6);
            }
        }
        return new Compensation(n, failedToRefund, approvalToRefund);
    }

    // ------------------------------------------------------------------------------------------------ recovery

    record Recovery(double toHealthy, double toFirstConfirm, long failedWhileDown) {
    }

    /**
     * Sagas at a fixed rate; after 5 s a kill -9 of payment-service. Measured: kill -> the supervisor's "healthy", and
     * kill -> the first confirm answered DONE that was sent after the kill.
     */
    Recovery recovery(int perSecond) throws Exception {
        out.printf("Recovery: %d sagas/s, kill -9 of payment-service after 5 s ...%n", perSecond);
        AtomicReference<Instant> healthy = new AtomicReference<>();
        CountDownLatch back = new CountDownLatch(1);
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void healthy(App app, int instance, Instant at, Duration downtime) {
                if (app.equals(App.PAYMENT)) {
                    healthy.set(at);
                    back.countDown();
                }
            }
        };
        cluster.addListener(listener);
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        AtomicLong arrivals = new AtomicLong();
        ConcurrentLinkedQueue<Saga> all = new ConcurrentLinkedQueue<>();
        Thread load = Thread.ofVirtual().start(() -> {
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            while (back.getCount() > 0 || Duration.between(healthy.get(), Instant.now()).toSeconds() < 5) {
                long i = arrivals.getAndIncrement();
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Thread.ofVirtual().start(() -> all.add(saga(MUG)));
                if (i == 5L * perSecond) {
                    killedAt.set(Instant.now());
                    cluster.kill(App.PAYMENT, 0);
                }
                if (killedAt.get() != null && Duration.between(killedAt.get(), Instant.now()).toSeconds() > 240) {
                    return;
                }
            }
        });
        load.join();
        Thread.sleep(3000);
        cluster.removeListener(listener);
        Instant kill = killedAt.get();
        Instant firstConfirm = all.stream().filter(s -> s.confirmed && s.startedAt.isAfter(kill))
                .map(s -> s.confirmedAt).min(Instant::compareTo).orElse(null);
        long failed = all.stream().filter(s -> !s.confirmed).count();
        return new Recovery(healthy.get() == null ? Double.NaN : Duration.between(kill, healthy.get()).toMillis() / 1000.0,
                firstConfirm == null ? Double.NaN : Duration.between(kill, firstConfirm).toMillis() / 1000.0, failed);
    }

    // ------------------------------------------------------------------------------------------------ ceilings

    /** Durable single-row commits: {@code clients} connections, each INSERT + COMMIT in a loop. */
    double commitCeiling(int clients, int seconds) throws Exception {
        out.printf("Ceiling: single-row commits, %d clients, %d s ...%n", clients, seconds);
        try (Connection c = db("bench_ceiling"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS commit_probe (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "client INT NOT NULL, v BIGINT NOT NULL, created_at DATETIME(6) NOT NULL) ENGINE=InnoDB");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = db("bench_ceiling")) {
                    c.setAutoCommit(false);
                    try (var ps = c.prepareStatement("INSERT INTO commit_probe (client, v, created_at) VALUES (?, ?, NOW(6))")) {
                        long v = 0;
                        while (System.nanoTime() < end) {
                            ps.setInt(1, client);
                            ps.setLong(2, v++);
                            ps.executeUpdate();
                            c.commit();
                            commits.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double rate = commits.get() / ((System.nanoTime() - start) / 1e9);
        try (Connection c = db("bench_ceiling"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@innodb_flush_log_at_trx_commit")) {
            rs.next();
            results.put("ceiling.innodb_flush_log_at_trx_commit", rs.getInt(1));
        }
        out.printf(Locale.ROOT, "  %.0f commits/s%n", rate);
        return rate;
    }

    /** Kafka acks=all (idempotent producer, as the outbox relay's): 500-byte records to a 3-partition topic. */
    double kafkaCeiling(int seconds) throws Exception {
        out.printf("Ceiling: Kafka acks=all produce, %d s ...%n", seconds);
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.kafkaBootstrap());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        String value = "x".repeat(500);
        AtomicLong acked = new AtomicLong();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("bench.ceiling", "warm", value)).get();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long i = 0;
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(10_000);
            while (System.nanoTime() < end) {
                inFlight.acquire();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("bench.ceiling", "k" + (i++ % 64), value),
                        (md, e) -> {
                            inFlight.release();
                            if (e == null) {
                                acked.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            double rate = acked.get() / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "  %.0f records/s%n", rate);
            return rate;
        }
    }

    record Reference(double cpuMsPerRequest, double requestsPerSecond) {
    }

    /**
     * The reference request: {@link ReferenceApp} as a child JVM with the services' JVM options, on the same MariaDB;
     * warmed up, then {@code n} POSTs from 16 clients; its CPU time (from /proc) per request.
     */
    Reference referenceRequest() throws Exception {
        int port = com.acme.shop.infra.FreePorts.pick();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReferenceApp.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + cluster.jdbcUrl("bench_reference"),
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--spring.main.banner-mode=off"));
        Path log = cluster.logsDir().resolve("reference-app.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            out.println("Ceiling: reference request (plain Spring MVC POST + one-row insert), starting its JVM ...");
            URI uri = URI.create("http://127.0.0.1:" + port + "/items");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                try {
                    if (send(post(uri, "{\"amount\":1,\"note\":\"up\"}").build()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the reference app did not start: " + log);
                }
                Thread.sleep(300);
            }
            // warm-up: long enough for C2 to have compiled the request's path (with 3,000 its compilations still
            // fell into the measurement and nearly doubled the CPU per request)
            runReference(uri, 16, 20_000);
            Cpu cpu = new Cpu(Map.of("reference", process.pid()));
            cpu.mark();
            int n = 10_000;
            long start = System.nanoTime();
            runReference(uri, 16, n);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = cpu.secondsSinceMark().get("reference") * 1000 / n;
            out.printf(Locale.ROOT, "  %.3f ms CPU per request, %.0f requests/s%n", cpuMs, n / seconds);
            return new Reference(cpuMs, n / seconds);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void runReference(URI uri, int clients, int n) throws InterruptedException {
        AtomicLong left = new AtomicLong(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (left.decrementAndGet() >= 0) {
                    try {
                        HttpResponse<String> r = send(post(uri, "{\"amount\":9000,\"note\":\"reference\"}").build());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("reference answered " + r.statusCode());
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private int printed;

    /** Prints the results measured since the last call, so a run cut short still leaves its numbers. */
    private void progress() {
        List<Map.Entry<String, Object>> all = new ArrayList<>(results.entrySet());
        for (int i = printed; i < all.size(); i++) {
            out.println("  " + all.get(i).getKey() + " = " + format(all.get(i).getValue()));
        }
        printed = all.size();
    }

    private void setStock(String productId, int stock) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url(App.ORDER, "/internal/v1/products/" + productId + "/stock"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + cluster.serviceToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stock\":" + stock + "}")).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("stock of " + productId + ": " + r.statusCode() + " " + r.body());
        }
    }

    private Map<String, Long> dbStatus() throws SQLException {
        Map<String, Long> status = new LinkedHashMap<>();
        try (Connection c = db("bench_ceiling"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Com_commit','Handler_commit','Innodb_os_log_fsyncs','Com_insert','Com_update')")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getLong(2));
            }
        }
        return status;
    }

    /** End offsets of every topic partition (records written so far). */
    private Map<String, Long> topicOffsets() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.kafkaBootstrap());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("bench.")).toList();
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(tp -> new org.apache.kafka.common.TopicPartition(d.name(), tp.partition())))
                    .toList();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new LinkedHashMap<>();
            partitions.forEach(tp -> specs.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            Map<String, Long> offsets = new LinkedHashMap<>();
            admin.listOffsets(specs).all().get().forEach((tp, info) -> offsets.put(tp.toString(), info.offset()));
            return offsets;
        }
    }

    private Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (App app : List.of(App.TOSS_SANDBOX, App.PAYMENT, App.ORDER, App.SETTLEMENT, App.ADMIN)) {
            pids.put(app.module(), cluster.pid(app, 0));
        }
        pids.put("kafka", cluster.kafkaPid());
        pids.put("mariadb", cluster.databasePid());
        pids.put("driver (this JVM)", ProcessHandle.current().pid());
        return pids;
    }

    private void putCpu(String phase, Map<String, Double> cpuSeconds, long sagas, double refMs) {
        double services = 0;
        for (Map.Entry<String, Double> e : cpuSeconds.entrySet()) {
            double msPerSaga = e.getValue() * 1000 / sagas;
            results.put(phase + ".cpu_ms_per_saga." + e.getKey(), msPerSaga);
            if (!e.getKey().startsWith("driver")) {
                services += msPerSaga;
            }
        }
        results.put(phase + ".cpu_ms_per_saga.system", services);
        results.put(phase + ".cpu_per_saga_over_reference", services / refMs);
        results.put(phase + ".cpu_payment_per_confirm_over_reference",
                cpuSeconds.get(App.PAYMENT.module()) * 1000 / sagas / refMs);
    }

    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private int seconds(String name) {
        return Integer.parseInt(args.get(name));
    }

    static Map<String, String> parse(String[] argv, Map<String, String> defaults) {
        Map<String, String> a = new LinkedHashMap<>(defaults);
        for (String arg : argv) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            a.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        return a;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private String report(Duration took, List<Saga> fixed, List<Saga> sat, Completion fixedC, Completion satC,
                          Compensation comp, Recovery rec, Map<String, Double> satCpu, double satSeconds) {
        StringBuilder b = new StringBuilder();
        b.append("## End-to-end benchmark: results of ").append(Instant.now()).append(" (measuring took ")
                .append(took.toMinutes()).append(" min after the system was up)\n\n");
        b.append("| measure | value |\n|---|---|\n");
        results.forEach((k, v) -> b.append("| `").append(k).append("` | ").append(format(v)).append(" |\n"));
        b.append("\nCPU during saturation, per process (cores = CPU seconds / wall seconds):\n\n");
        b.append("| process | CPU s | cores | ms per saga |\n|---|---|---|---|\n");
        long sagas = sat.stream().filter(s -> s.confirmed).count();
        satCpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                b.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.2f |%n", e.getKey(), e.getValue(),
                        e.getValue() / satSeconds, e.getValue() * 1000 / sagas)));
        String limit = satCpu.entrySet().stream().filter(e -> !e.getKey().startsWith("driver"))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        b.append("\nThe process spending the most CPU per saga at saturation: **").append(limit).append("**.\n");
        Map<String, Long> errors = new LinkedHashMap<>();
        sat.stream().filter(s -> s.error != null).forEach(s -> errors.merge(s.error, 1L, Long::sum));
        fixed.stream().filter(s -> s.error != null).forEach(s -> errors.merge("fixed-rate: " + s.error, 1L, Long::sum));
        if (!errors.isEmpty()) {
            b.append("\nFailed sagas by cause: ").append(errors).append('\n');
        }
        if (!notes.isEmpty()) {
            b.append("\nNotes: ").append(String.join("; ", notes.stream().limit(10).toList())).append('\n');
        }
        return b.toString();
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "n/a" : Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d)
                    : String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(v);
    }

    // ------------------------------------------------------------------------------------------------ CPU

    /** CPU time of processes from /proc/<pid>/stat (utime + stime), in seconds since {@link #mark}. */
    static final class Cpu {
        private static final double TICKS = clockTicks();
        private final Map<String, Long> pids;
        private final Map<String, Double> marks = new LinkedHashMap<>();

        Cpu(Map<String, Long> pids) {
            this.pids = pids;
        }

        void mark() {
            pids.forEach((name, pid) -> marks.put(name, seconds(pid)));
        }

        Map<String, Double> secondsSinceMark() {
            Map<String, Double> used = new LinkedHashMap<>();
            pids.forEach((name, pid) -> used.put(name, seconds(pid) - marks.getOrDefault(name, 0.0)));
            return used;
        }

        static double seconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields after the command: state(3) ... utime(14) stime(15): indexes 11 and 12 here
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        private static double clockTicks() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String s = new String(p.getInputStream().readAllBytes()).trim();
                p.waitFor();
                return Double.parseDouble(s);
            } catch (Exception e) {
                return 100;
            }
        }
    }
}
