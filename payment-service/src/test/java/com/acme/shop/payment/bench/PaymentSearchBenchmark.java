package com.acme.shop.payment.bench;

import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.platform.jdbc.UtcTime;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Issue #12: the operators' payment search on a table of {@code n} payments (1,000,000 by default), through
 * payment-service's HTTP API as admin-service calls it. Run it with {@code bench/payment-search.sh}; results and method
 * in docs/benchmarks.md.
 *
 * <p>Seeds the table with generated payments (created over the last 365 days, statuses, methods, 100,000 customers
 * and amounts in realistic proportions; seeding is not measured), then runs each query shape {@code repeat} times,
 * one at a time (latency, not throughput), with fresh random parameters each time, and prints p50/p95/p99/max per
 * shape, CPU per query of payment-service and of the database server, and the ratio of each p95 to the p95 of the
 * reference measured in the same run: reading one payment by its orderId.
 */
public final class PaymentSearchBenchmark {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final String[] STATUSES = {"DONE", "CANCELED", "PARTIAL_CANCELED", "ABORTED", "EXPIRED", "READY",
            "WAITING_FOR_DEPOSIT"};
    private static final int[] STATUS_WEIGHTS = {70, 5, 3, 10, 10, 1, 1};
    private static final String[] METHODS = {"카드", "간편결제", "가상계좌", "계좌이체", "휴대폰"};
    private static final int[] METHOD_WEIGHTS = {60, 20, 10, 5, 5};
    private static final int CUSTOMERS = 100_000;

    private PaymentSearchBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSystem.args(argv, Map.of("n", "1000000", "repeat", "200", "warmup", "30",
                "payment-args", ""));
        int n = Integer.parseInt(a.get("n"));
        int repeat = Integer.parseInt(a.get("repeat"));
        int warmup = Integer.parseInt(a.get("warmup"));
        try (BenchSystem system = BenchSystem.start(Duration.ZERO, List.of(), BenchSystem.split(a.get("payment-args")))) {
            seed(system, n);
            LocalDate today = LocalDate.now(KOREA);
            SplittableRandom random = new SplittableRandom(20261130);
            List<String> orderIds = system.jdbc.queryForList(
                    "SELECT order_id FROM payment ORDER BY id LIMIT 2000", String.class);
            List<String> paymentKeys = system.jdbc.queryForList(
                    "SELECT payment_key FROM payment WHERE payment_key IS NOT NULL ORDER BY id LIMIT 2000", String.class);

            Map<String, Supplier<String>> shapes = new LinkedHashMap<>();
            shapes.put("reference: one payment by orderId", () -> "/api/v1/payments/" + pick(orderIds, random));
            shapes.put("7 days, no filter, newest first", () -> search(today.minusDays(6), today, ""));
            shapes.put("30 days, status DONE", () -> search(today.minusDays(29), today, "&status=DONE"));
            shapes.put("30 days, status CANCELED or PARTIAL_CANCELED", () -> search(today.minusDays(29), today,
                    "&status=CANCELED&status=PARTIAL_CANCELED"));
            shapes.put("90 days, method 가상계좌", () -> search(today.minusDays(89), today, "&method="
                    + URLEncoder.encode("가상계좌", StandardCharsets.UTF_8)));
            shapes.put("365 days, one customer", () -> search(today.minusDays(365), today, "&customerId=customer-"
                    + random.nextInt(CUSTOMERS)));
            shapes.put("30 days, 100,000-200,000 won, by amount", () -> search(today.minusDays(29), today,
                    "&minAmount=100000&maxAmount=200000&sort=amount"));
            shapes.put("365 days, no filter (count capped)", () -> search(today.minusDays(365), today, ""));
            shapes.put("exact orderId", () -> "/api/v1/payments/search?orderId=" + pick(orderIds, random));
            shapes.put("exact paymentKey", () -> "/api/v1/payments/search?paymentKey=" + pick(paymentKeys, random));
            shapes.put("30 days DONE, page 20 by cursor", () -> pageTwenty(system, today));

            List<String> lines = new ArrayList<>();
            double referenceP95 = 0;
            for (Map.Entry<String, Supplier<String>> shape : shapes.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    get(system, shape.getValue().get());
                }
                long[] nanos = new long[repeat];
                // the targets first (page 20 needs 19 pages read to find its cursor): only the queries are measured
                String[] targets = new String[repeat];
                for (int i = 0; i < repeat; i++) {
                    targets[i] = shape.getValue().get();
                }
                long paymentCpu = system.paymentCpuNanos();
                long dbCpu = BenchSystem.databaseCpuNanos();
                long rowsRead = rowsRead(system);
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    get(system, targets[i]);
                    nanos[i] = System.nanoTime() - start;
                }
                double paymentCpuMs = (system.paymentCpuNanos() - paymentCpu) / 1e6 / repeat;
                double dbCpuMs = (BenchSystem.databaseCpuNanos() - dbCpu) / 1e6 / repeat;
                long rowsPerQuery = (rowsRead(system) - rowsRead) / repeat;
                Arrays.sort(nanos);
                double p95 = BenchSystem.percentile(nanos, 95) / 1e6;
                if (referenceP95 == 0) {
                    referenceP95 = p95;
                }
                lines.add(String.format("| %s | %s | %s | %s | %s | %.2f | %.2f | %,d | %.1fx |", shape.getKey(),
                        BenchSystem.millis(BenchSystem.percentile(nanos, 50)),
                        BenchSystem.millis(BenchSystem.percentile(nanos, 95)),
                        BenchSystem.millis(BenchSystem.percentile(nanos, 99)), BenchSystem.millis(nanos[repeat - 1]),
                        paymentCpuMs, dbCpuMs, rowsPerQuery, p95 / referenceP95));
            }
            System.out.printf("%nPayment search on %,d payments, %d queries per shape (after %d warm-up), one at a time%n%n",
                    count(system), repeat, warmup);
            System.out.println("| query | p50 ms | p95 ms | p99 ms | max ms | payment-service CPU ms/query "
                    + "| database CPU ms/query | index and row reads/query | p95 / reference p95 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            lines.forEach(System.out::println);
            explainAmountSearch(system, today);
        }
    }

    /** Index entries and rows the server read so far ({@code Handler_read_*}), all statements of all clients. */
    private static long rowsRead(BenchSystem system) {
        Long sum = system.jdbc.queryForObject("SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME LIKE 'HANDLER\\_READ\\_%'", Long.class);
        return sum == null ? 0 : sum;
    }

    /**
     * Prints the database's plan for the amount-sorted shape (page and capped count, written as PaymentSearch writes
     * them), so a slow shape shows which index the optimizer chose and how many rows it read.
     */
    private static void explainAmountSearch(BenchSystem system, LocalDate today) {
        Object from = com.acme.shop.platform.jdbc.UtcTime.of(today.minusDays(29).atStartOfDay(KOREA).toInstant());
        Object to = com.acme.shop.platform.jdbc.UtcTime.of(today.plusDays(1).atStartOfDay(KOREA).toInstant());
        String where = " WHERE created_at >= ? AND created_at < ? AND total_amount >= ? AND total_amount <= ?";
        Map<String, String> statements = new LinkedHashMap<>();
        String order = " ORDER BY total_amount DESC, created_at DESC, id DESC";
        statements.put("page", "SELECT id, order_id, status, order_name, customer_id, total_amount, balance_amount,"
                + " method, easy_pay_provider, payment_key, created_at, approved_at FROM payment JOIN (SELECT id FROM"
                + " payment FORCE INDEX (ix_payment_amount_created)" + where + order + " LIMIT ?) page USING (id)" + order);
        statements.put("count", "SELECT COUNT(*) FROM (SELECT 1 FROM payment FORCE INDEX (ix_payment_created_amount)" + where
                + " LIMIT ?) capped");
        Map<String, Integer> limits = Map.of("page", 51, "count", 10_001);
        statements.forEach((name, sql) -> {
            System.out.printf("%nPlan of the amount-sorted search's %s query (ANALYZE):%n", name);
            system.jdbc.queryForList("ANALYZE FORMAT=JSON " + sql, String.class, from, to, 100_000L, 200_000L,
                    limits.get(name)).forEach(System.out::println);
        });
    }

    private static String search(LocalDate from, LocalDate to, String more) {
        return "/api/v1/payments/search?from=" + from + "&to=" + to + more;
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    /** Follows nextCursor 19 times (not measured by the caller's clock: only the 20th page is returned to it). */
    private static String pageTwenty(BenchSystem system, LocalDate today) {
        String base = search(today.minusDays(29), today, "&status=DONE");
        String cursor = null;
        for (int page = 1; page < 20; page++) {
            String body = get(system, base + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = com.acme.shop.testsupport.Http.JSON.readTree(body).get("nextCursor").asString();
        }
        return base + "&cursor=" + cursor;
    }

    private static String get(BenchSystem system, String target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.paymentUrl + target))
                .header("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN)
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = BenchSystem.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(BenchSystem system) {
        Long count = system.jdbc.queryForObject("SELECT COUNT(*) FROM payment", Long.class);
        return count == null ? 0 : count;
    }

    /** Inserts generated payments until the table holds {@code n}, 1,000 rows per statement (not measured). */
    private static void seed(BenchSystem system, int n) {
        long have = count(system);
        if (have >= n) {
            return;
        }
        System.out.printf("Seeding %,d payments...%n", n - have);
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        Instant now = Instant.now();
        int batch = 1_000;
        StringBuilder sql = new StringBuilder("""
                INSERT INTO payment (order_id, customer_id, order_name, total_amount, balance_amount, currency, items,
                    status, payment_key, method, approved_at, failure_code, created_at, expires_at, updated_at, version)
                VALUES """);
        for (int i = 0; i < batch; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, 'KRW', '[]', ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        }
        for (long done = have; done < n; done += batch) {
            List<Object> args = new ArrayList<>(batch * 13);
            for (int i = 0; i < batch; i++) {
                Instant created = now.minusMillis((long) (random.nextDouble() * Duration.ofDays(365).toMillis()));
                String status = weighted(STATUSES, STATUS_WEIGHTS, random);
                boolean approved = status.equals("DONE") || status.contains("CANCELED");
                boolean chosen = approved || status.equals("ABORTED") || status.equals("WAITING_FOR_DEPOSIT");
                long amount = (10 + random.nextInt(4_990)) * 100L;
                long balance = status.equals("CANCELED") ? 0 : status.equals("PARTIAL_CANCELED") ? amount / 2 : amount;
                args.add(orderId(random));
                args.add("customer-" + random.nextInt(CUSTOMERS));
                args.add("벤치 상품 외 " + random.nextInt(5) + "건");
                args.add(amount);
                args.add(balance);
                args.add(status);
                args.add(chosen ? "tbench" + orderId(random) : null);
                args.add(chosen ? weighted(METHODS, METHOD_WEIGHTS, random) : null);
                args.add(approved ? UtcTime.of(created.plusSeconds(30)) : null);
                args.add(status.equals("ABORTED") ? (random.nextBoolean() ? "REJECT_CARD_COMPANY" : "PAY_PROCESS_CANCELED")
                        : null);
                args.add(UtcTime.of(created));
                args.add(UtcTime.of(created.plus(Duration.ofMinutes(30))));
                args.add(UtcTime.of(created.plusSeconds(60)));
            }
            system.jdbc.update(sql.toString(), args.toArray());
            if ((done / batch) % 100 == 0) {
                System.out.printf("  %,d%n", done + batch);
            }
        }
        system.jdbc.execute("ANALYZE TABLE payment");
        System.out.printf("Seeded in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String weighted(String[] values, int[] weights, SplittableRandom random) {
        int total = Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String orderId(SplittableRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
