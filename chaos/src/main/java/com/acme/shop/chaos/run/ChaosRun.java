package com.acme.shop.chaos.run;

import com.acme.shop.chaos.check.InvariantChecker;
import com.acme.shop.chaos.check.Snapshot;
import com.acme.shop.chaos.check.SnapshotReader;
import com.acme.shop.chaos.http.Http;
import com.acme.shop.chaos.system.ChaosSystem;
import com.acme.shop.chaos.system.LauncherSystem;
import com.acme.shop.chaos.system.Service;
import com.acme.shop.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chaos run: start the system, drive {@code sagas} sagas from {@code concurrency} simulated customers under the
 * Toss fault mix and the break schedule, wait for quiescence, then check every order and write the report.
 */
public final class ChaosRun {

    private static final Logger log = LoggerFactory.getLogger(ChaosRun.class);

    /**
     * @param budget how long after the load the system has to settle everything (the recovery budget)
     * @param breaks kill every service, restart Kafka and MariaDB during the load
     */
    public record Options(int sagas, int instances, int concurrency, long seed, boolean faults, boolean breaks,
                          Duration budget, Path projectRoot, Path workDir, Path report) {
    }

    /** One break and how the system came back from it. */
    public record Break(String what, double atProgress, Instant at, Instant restartedAt, Instant firstSagaAt) {

        Duration toFirstSaga() {
            return firstSagaAt == null ? null : Duration.between(at, firstSagaAt);
        }

        Duration toHealthy() {
            return restartedAt == null ? null : Duration.between(at, restartedAt);
        }
    }

    public record Result(Options options, InvariantChecker.Result check, Snapshot snapshot, List<Break> breaks,
                         Map<String, Long> counters, Duration driving, Duration toQuiescence, boolean quiescent,
                         String reportMarkdown) {
    }

    private final Options options;
    private final List<Break> breaks = new CopyOnWriteArrayList<>();

    public ChaosRun(Options options) {
        this.options = options;
    }

    public static Map<Service, Map<String, String>> runProperties() {
        Map<Service, Map<String, String>> p = new LinkedHashMap<>();
        p.put(Service.SANDBOX, Map.of("sandbox.call-log-capacity", "1000000", "sandbox.drop-hold", "7s",
                "sandbox.webhook.time-factor", "0.02", "sandbox.webhook.delivery-log-capacity", "200000"));
        p.put(Service.PAYMENT, Map.ofEntries(Map.entry("payment.toss.read-timeout", "5s"),
                Map.entry("payment.confirm.stale-after", "30s"),
                Map.entry("shop.jobs.confirm-recovery.initial-backoff", "2s"),
                Map.entry("shop.jobs.confirm-recovery.max-backoff", "10s"),
                Map.entry("shop.jobs.confirm-recovery.max-attempts", "40"),
                Map.entry("shop.jobs.refund.max-backoff", "10s"),
                Map.entry("shop.jobs.refund.max-attempts", "40"),
                Map.entry("shop.jobs.webhook.max-backoff", "10s"),
                Map.entry("shop.jobs.webhook.max-attempts", "40"),
                // an open virtual account is looked up at Toss 1 min after issue, then every 5 s (1 h in production)
                Map.entry("payment.deposit.watch-max-interval", "5s")));
        p.put(Service.SETTLEMENT, Map.of("settlement.reconciliation.cron", "-"));
        return p;
    }

    public Result run() throws Exception {
        Files.createDirectories(options.workDir());
        // every run starts on empty data: the checker's stock rule counts from the stock this run sets
        deleteTree(options.workDir().resolve("data"));
        deleteTree(options.workDir().resolve("logs"));
        Path driverLog = options.workDir().resolve("customers.jsonl");
        Instant startedAt = Instant.now();
        log.info("chaos: starting the system ({} instance(s) per service)", options.instances());
        try (ChaosSystem system = LauncherSystem.start(options.projectRoot(), options.workDir(), options.instances(),
                runProperties(), System.out);
             CustomerLog customers = new CustomerLog(driverLog)) {
            Duration startup = Duration.between(startedAt, Instant.now());
            List<Map.Entry<String, Instant>> healthyEvents = new CopyOnWriteArrayList<>();
            system.addListener(new ChaosSystem.Listener() {
                @Override
                public void died(Service service, int instance, Instant at, int exitCode) {
                }

                @Override
                public void healthy(Service service, int instance, Instant at) {
                    healthyEvents.add(Map.entry(instanceName(service, instance), at));
                }
            });
            Shop shop = new Shop(system);
            Map<String, Long> stock = initialStock();
            stock.forEach((product, n) -> {
                Http.Response r = shop.setStock(product, n);
                if (!r.ok()) {
                    throw new IllegalStateException("Cannot set stock of " + product + ": " + r.status() + " " + r.raw());
                }
            });
            customers.init(stock);
            Customers driver = new Customers(shop, customers, options.faults());
            Probe probe = new Probe(shop, customers);
            List<Step> schedule = schedule(system, shop);

            Instant driveStart = Instant.now();
            AtomicInteger next = new AtomicInteger();
            List<Thread> breakThreads = new CopyOnWriteArrayList<>();
            Gate gate = new Gate(schedule, breakThreads, probe);
            ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < options.concurrency(); w++) {
                running.add(workers.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < options.sagas()) {
                        gate.before(n, options.sagas());
                        try {
                            driver.saga(n, new Random(new java.util.SplittableRandom(options.seed() * 1_000_003L + n).nextLong()));
                        }
                        catch (RuntimeException e) {
                            driver.count("driver error " + e.getClass().getSimpleName());
                            log.warn("saga {}: {}", n, e.toString());
                        }
                        if (n % 100 == 0) {
                            log.info("chaos: {} of {} sagas started", n, options.sagas());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            gate.finishRemaining(options.sagas());
            for (Thread t : breakThreads) {
                t.join();
            }
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.MINUTES);
            Instant driveEnd = Instant.now();
            // a killed instance's return: the first time that instance answered healthy after the kill
            List<Break> measured = new ArrayList<>();
            for (Break b : breaks) {
                Instant healthy = healthyEvents.stream()
                        .filter(e -> b.what().equals(KILL + e.getKey()) && e.getValue().isAfter(b.at()))
                        .map(Map.Entry::getValue).min(Instant::compareTo).orElse(null);
                measured.add(new Break(b.what(), b.atProgress(), b.at(), healthy, b.firstSagaAt()));
            }
            measured.sort(java.util.Comparator.comparing(Break::at));
            breaks.clear();
            breaks.addAll(measured);
            log.info("chaos: load done in {} s; clearing faults and waiting for quiescence",
                    Duration.between(driveStart, driveEnd).toSeconds());
            shop.http.delete(shop.sandbox() + "/sandbox/faults", Map.of());
            shop.http.delete(shop.sandbox() + "/sandbox/webhooks/faults", Map.of());
            shop.http.put(shop.sandbox() + "/sandbox/webhooks/config", Map.of("url", system.url(Service.PAYMENT)
                    + "/api/v1/webhooks/toss"), Map.of());
            customers.flush();

            SnapshotReader reader = new SnapshotReader(system.jdbcBase(), system.dbUser(), system.dbPassword(),
                    system.url(Service.SANDBOX), driverLog);
            // Quiescent: nothing in flight and every order consistent. The checker is run with an unlimited budget
            // meanwhile (in-flight work is not yet stuck); the final check uses the real budget.
            InvariantChecker patient = new InvariantChecker(Duration.ofDays(365));
            Instant deadline = driveEnd.plus(options.budget());
            boolean quiescent = false;
            Snapshot snapshot;
            while (true) {
                snapshot = reader.read();
                int inFlight = inFlight(snapshot);
                InvariantChecker.Result r = patient.check(snapshot);
                if (inFlight == 0 && r.clean()) {
                    quiescent = true;
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    break;
                }
                log.info("chaos: not quiescent yet: {} in flight, {} rows not matching{}", inFlight,
                        r.violations().size(), r.violations().isEmpty() ? "" : ", e.g. " + r.violations().getFirst().format());
                Shop.sleep(3000);
            }
            Duration toQuiescence = Duration.between(driveEnd, Instant.now());
            Snapshot finalSnapshot = reader.read();
            InvariantChecker.Result check = new InvariantChecker(options.budget()).check(finalSnapshot);
            Files.write(options.workDir().resolve("check-rows.txt"), check.rows().stream().map(r -> r.format()).toList());
            Map<String, Long> counters = new java.util.TreeMap<>();
            driver.counters.forEach((k, v) -> counters.put(k, v.get()));
            Result result = new Result(options, check, finalSnapshot, List.copyOf(breaks), counters,
                    Duration.between(driveStart, driveEnd), toQuiescence, quiescent, null);
            String markdown = Report.markdown(result, startup);
            if (options.report() != null) {
                Files.createDirectories(options.report().toAbsolutePath().getParent());
                String existing = Files.exists(options.report()) ? Files.readString(options.report()) : null;
                Files.writeString(options.report(), Report.merge(existing, markdown, options.instances()));
            }
            return new Result(options, check, finalSnapshot, List.copyOf(breaks), counters,
                    result.driving(), toQuiescence, quiescent, markdown);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Map<String, Long> initialStock() {
        Map<String, Long> stock = new LinkedHashMap<>();
        long n = options.sagas();
        stock.put("TSHIRT-BLK-M", 5 * n + 100);
        stock.put("STICKER-PACK", 10 * n + 100);
        stock.put("ECOBAG-NAT", 2 * n + 100);
        stock.put("MUG-WHT", 50L);
        // the race: about one in four out-of-stock customers gets a hoodie
        stock.put(Customers.LIMITED, Math.max(3, n / 30));
        return stock;
    }

    private static int inFlight(Snapshot s) {
        int n = 0;
        for (Snapshot.Payment p : s.payments().values()) {
            if (InvariantChecker.IN_FLIGHT.contains(p.status())) {
                n++;
            }
        }
        for (List<Snapshot.Cancel> cs : s.cancels().values()) {
            n += (int) cs.stream().filter(c -> c.status().equals("REQUESTED") || c.status().equals("RETRYING")).count();
        }
        n += s.unsent().size();
        n += (int) s.webhooks().stream().filter(w -> w.state().equals("RECEIVED")).count();
        return n;
    }

    static final String KILL = "kill -9 ";

    static String instanceName(Service service, int instance) {
        return service.module() + "#" + instance;
    }

    private static Step kill(ChaosSystem system, double at, Service service, int instance) {
        return new Step(at, KILL + instanceName(service, instance), true, () -> system.kill(service, instance));
    }

    /** A scheduled event at a point of the load (fraction of sagas started). */
    record Step(double at, String name, boolean isBreak, Runnable action) {
    }

    private List<Step> schedule(ChaosSystem system, Shop shop) {
        List<Step> steps = new ArrayList<>();
        int n = options.instances();
        if (options.faults()) {
            String webhookUrl = system.url(Service.PAYMENT) + "/api/v1/webhooks/toss";
            String deadUrl = "http://127.0.0.1:" + FreePorts.pick() + "/api/v1/webhooks/toss";
            steps.add(new Step(0.05, "webhooks duplicated (2 extra copies)", false, () -> shop.http.post(
                    shop.sandbox() + "/sandbox/webhooks/faults", Map.of("duplicate", 2), Map.of())));
            steps.add(new Step(0.25, "webhooks reordered (held up to 3 s, newest first)", false, () -> shop.http.post(
                    shop.sandbox() + "/sandbox/webhooks/faults", Map.of("reorder", true, "delayMs", 3000), Map.of())));
            steps.add(new Step(0.45, "webhooks dropped (delivery to a closed port; Toss retries later)", false, () -> {
                shop.http.delete(shop.sandbox() + "/sandbox/webhooks/faults", Map.of());
                shop.http.put(shop.sandbox() + "/sandbox/webhooks/config", Map.of("url", deadUrl), Map.of());
            }));
            steps.add(new Step(0.60, "webhooks delivered again", false, () -> shop.http.put(
                    shop.sandbox() + "/sandbox/webhooks/config", Map.of("url", webhookUrl), Map.of())));
        }
        if (options.breaks()) {
            steps.add(kill(system, 0.10, Service.PAYMENT, 0));
            steps.add(kill(system, 0.22, Service.ORDER, 1 % n));
            steps.add(kill(system, 0.34, Service.SETTLEMENT, 0));
            steps.add(kill(system, 0.46, Service.ADMIN, 1 % n));
            steps.add(new Step(0.58, "Kafka broker restart", true, system::restartKafka));
            steps.add(new Step(0.70, "MariaDB kill -9 and restart", true, system::restartDatabase));
            if (n > 1) {
                steps.add(kill(system, 0.80, Service.PAYMENT, 1));
                steps.add(kill(system, 0.88, Service.ORDER, 0));
            }
        }
        steps.sort(java.util.Comparator.comparingDouble(Step::at));
        return steps;
    }

    /**
     * Fires the schedule's steps as the load passes them. A break waits for the previous break's probe to finish,
     * so that breaks never overlap and each recovery time is its own; the load goes on meanwhile.
     */
    private final class Gate {
        private final List<Step> steps;
        private final List<Thread> threads;
        private final Probe probe;
        private int next;
        private Thread previousBreak;

        Gate(List<Step> steps, List<Thread> threads, Probe probe) {
            this.steps = steps;
            this.threads = threads;
            this.probe = probe;
        }

        synchronized void before(int saga, int total) {
            while (next < steps.size() && saga >= steps.get(next).at() * total) {
                fire(steps.get(next++), saga / (double) total);
            }
        }

        synchronized void finishRemaining(int total) {
            while (next < steps.size()) {
                fire(steps.get(next++), 1.0);
            }
        }

        private void fire(Step step, double progress) {
            if (!step.isBreak()) {
                log.info("chaos: {}", step.name());
                step.action().run();
                return;
            }
            if (previousBreak != null) {
                try {
                    previousBreak.join();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Instant at = Instant.now();
            log.info("chaos: {} at {} % of the load", step.name(), Math.round(progress * 100));
            previousBreak = Thread.ofPlatform().name("break").start(() -> {
                step.action().run();
                Instant firstSaga = probe.firstCompletedSaga(at, Duration.ofMinutes(5));
                breaks.add(new Break(step.name(), progress, at, null, firstSaga));
                log.info("chaos: {}: first saga completed after {}", step.name(),
                        firstSaga == null ? "none" : Duration.between(at, firstSaga).toMillis() + " ms");
            });
            threads.add(previousBreak);
        }
    }
}
