package com.acme.shop.payment.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue #3: confirm throughput with Toss answering in 200 ms and a pool of 10 database connections, beside the
 * naive bound pool / latency (10 / 0.2 s = 50 confirms/s) that holding a connection across the Toss call would
 * give. Run it with {@code bench/confirm-throughput.sh}; results and method in docs/benchmarks.md.
 *
 * <p>Prepares {@code n} checkouts and sandbox payments (not measured), warms up with {@code warmup} confirms, then
 * fires {@code n} confirms with {@code concurrency} in flight and measures wall time and per-request latency.
 * Fails loudly unless every answer is 200 DONE and the sandbox saw exactly one confirm per order.
 */
public final class ConfirmThroughputBenchmark {

    private ConfirmThroughputBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSystem.args(argv, Map.of(
                "n", "4000",
                "warmup", "6000",
                "concurrency", "600",
                "latency-ms", "200",
                "pool", "10",
                // Web server tuning, passed as arguments to each application (comma-separated --name=value).
                // Default: virtual request threads in both (the sandbox's latency is a sleep in a request thread;
                // a confirm holds a request thread for the whole Toss call). Pass --payment-args= --sandbox-args=
                // for Spring Boot's defaults (Tomcat, 200 platform threads each).
                "payment-args", "--spring.threads.virtual.enabled=true",
                "sandbox-args", "--spring.threads.virtual.enabled=true"));
        int n = Integer.parseInt(a.get("n"));
        int warmup = Integer.parseInt(a.get("warmup"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        Duration latency = Duration.ofMillis(Long.parseLong(a.get("latency-ms")));
        int pool = Integer.parseInt(a.get("pool"));
        List<String> paymentArgs = new java.util.ArrayList<>(List.of("--spring.datasource.hikari.maximum-pool-size=" + pool));
        paymentArgs.addAll(BenchSystem.split(a.get("payment-args")));
        List<String> sandboxArgs = BenchSystem.split(a.get("sandbox-args"));

        try (BenchSystem system = BenchSystem.start(latency, sandboxArgs, paymentArgs)) {
            // Warm-up (JIT, connection pools, Tomcat threads): same path, not measured.
            if (warmup > 0) {
                List<BenchSystem.Prepared> warm = system.prepare(warmup, 32);
                requireAllDone("warm-up", fire(system, warm, concurrency));
            }
            List<BenchSystem.Prepared> orders = system.prepare(n, 32);
            system.awaitOutboxDrained(Duration.ofMinutes(2));
            system.clearSandboxCalls();
            System.out.printf("%nMeasuring %d confirms...%n", n);

            Map<String, Long> statementsBefore = system.statementCounters();
            long dbCpuBefore = BenchSystem.databaseCpuNanos();
            long paymentCpuBefore = system.paymentCpuNanos();
            long cpuBefore = BenchSystem.processCpuNanos();
            long start = System.nanoTime();
            List<BenchSystem.Answer> answers = fire(system, orders, concurrency);
            long wall = System.nanoTime() - start;
            long cpu = BenchSystem.processCpuNanos() - cpuBefore;
            long paymentCpu = system.paymentCpuNanos() - paymentCpuBefore;
            long dbCpuAfter = BenchSystem.databaseCpuNanos();
            Map<String, Long> statementsAfter = system.statementCounters();

            // Correctness: every confirm approved, and exactly one confirm per order reached "Toss".
            requireAllDone("measured", answers);
            Map<String, Integer> confirmsAtToss = system.sandboxPostsBy("/confirm", "orderId");
            Set<String> expected = new HashSet<>();
            orders.forEach(o -> expected.add(o.orderId()));
            int total = confirmsAtToss.values().stream().mapToInt(Integer::intValue).sum();
            if (total != n || !confirmsAtToss.keySet().equals(expected)
                    || confirmsAtToss.values().stream().anyMatch(c -> c != 1)) {
                throw new IllegalStateException("sandbox call log: " + total + " confirms for "
                        + confirmsAtToss.size() + " orders, expected exactly " + n + " (one per order)");
            }
            Integer done = system.jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE status = 'DONE'", Integer.class);
            if (done == null || done != n + warmup) {
                throw new IllegalStateException("DONE payments in the database: " + done + ", expected " + (n + warmup));
            }

            long[] nanos = answers.stream().mapToLong(BenchSystem.Answer::nanos).sorted().toArray();
            double perSecond = n / (wall / 1e9);
            double naive = pool / (latency.toMillis() / 1000.0);
            System.out.println();
            System.out.println("=== Confirm throughput (issue #3) ===");
            System.out.printf("settings    : sandbox latency %d ms, Hikari pool %d, %d confirms, %d in flight, "
                    + "warm-up %d, %d CPUs%n", latency.toMillis(), pool, n, concurrency, warmup,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("payment args: %s%n", paymentArgs);
            System.out.printf("sandbox args: %s%n", sandboxArgs);
            System.out.printf("wall time   : %.2f s%n", wall / 1e9);
            System.out.printf("throughput  : %.0f confirms/s%n", perSecond);
            System.out.printf("naive bound : %.0f confirms/s (pool %d / latency %d ms)%n", naive, pool, latency.toMillis());
            System.out.printf("ratio       : %.1fx the naive bound (target >= 10x)%n", perSecond / naive);
            System.out.printf("latency     : p50 %s, p90 %s, p99 %s, max %s%n", BenchSystem.millis(BenchSystem.percentile(nanos, 50)),
                    BenchSystem.millis(BenchSystem.percentile(nanos, 90)), BenchSystem.millis(BenchSystem.percentile(nanos, 99)),
                    BenchSystem.millis(nanos[nanos.length - 1]));
            int cores = Runtime.getRuntime().availableProcessors();
            long dbCpu = dbCpuBefore >= 0 && dbCpuAfter >= 0 ? dbCpuAfter - dbCpuBefore : -1;
            System.out.printf("CPU per confirm (%d cores, %.1f busy on average):%n", cores,
                    (cpu + paymentCpu + Math.max(0, dbCpu)) / (double) wall);
            System.out.printf("  payment-service JVM          : %.2f ms%n", paymentCpu / 1e6 / n);
            if (dbCpu >= 0) {
                System.out.printf("  MariaDB server               : %.2f ms%n", dbCpu / 1e6 / n);
            }
            System.out.printf("  bench JVM (load generator, Toss sandbox, Kafka broker): %.2f ms%n", cpu / 1e6 / n);
            if (dbCpu >= 0) {
                double ours = (paymentCpu + dbCpu) / 1e6 / n;
                System.out.printf("  payment-service + database   : %.2f ms = at most %.0f confirms/s on %d cores "
                        + "if nothing else ran on them%n", ours, cores * 1000 / ours, cores);
            }
            System.out.printf("statements  : %s per confirm (all statements the server received meanwhile, "
                    + "including the outbox relay's and this benchmark's own few)%n",
                    perConfirm(statementsBefore, statementsAfter, n));
            System.out.printf("correctness : %d/%d answers 200 DONE, sandbox saw %d confirms for %d orders (1 each), "
                    + "%d DONE rows%n", n, n, total, confirmsAtToss.size(), done);
            System.out.println();
        }
        System.exit(0);
    }

    private static String perConfirm(Map<String, Long> before, Map<String, Long> after, int n) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
                "Com_rollback", "Com_set_option")) {
            double per = (after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / (double) n;
            s.append(s.isEmpty() ? "" : ", ").append(name.replace("Com_", "").toLowerCase()).append(' ')
                    .append(String.format("%.1f", per));
        }
        return s.toString();
    }

    private static void requireAllDone(String phase, List<BenchSystem.Answer> answers) {
        Map<String, Long> bad = answers.stream().filter(r -> r.status() != 200 || !"DONE".equals(r.paymentStatus()))
                .collect(java.util.stream.Collectors.groupingBy(r -> r.status() + " " + r.paymentStatus(),
                        java.util.stream.Collectors.counting()));
        if (!bad.isEmpty()) {
            BenchSystem.Answer first = answers.stream()
                    .filter(r -> r.status() != 200 || !"DONE".equals(r.paymentStatus())).findFirst().orElseThrow();
            throw new IllegalStateException(phase + ": not every confirm was 200 DONE: " + bad + "; first: "
                    + first.status() + " " + first.raw());
        }
    }

    private static List<BenchSystem.Answer> fire(BenchSystem system, List<BenchSystem.Prepared> orders, int concurrency) {
        return BenchSystem.parallel(orders.size(), concurrency, i -> system.confirm(orders.get(i)));
    }
}
