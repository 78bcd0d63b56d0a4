package com.acme.shop.chaos.run;

import com.acme.shop.chaos.check.CheckMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bench/chaos.sh}: one chaos run; prints the report and exits 1 when the checker found anything but
 * {@code match} (or quiescence was not reached).
 *
 * <pre>
 *   --sagas=10000 --instances=1 --concurrency=16 --seed=42 --budget=10m
 *   --no-faults --no-breaks      (to measure the system without them)
 *   --report=docs/chaos-report.md --work=.local/chaos
 * </pre>
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: bench/chaos.sh [--sagas=10000] [--instances=1] [--concurrency=16] [--seed=42]"
                        + " [--budget=10m] [--no-faults] [--no-breaks] [--report=docs/chaos-report.md]"
                        + " [--work=.local/chaos]");
                return;
            }
            int eq = a.indexOf('=');
            o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int instances = Integer.parseInt(o.getOrDefault("instances", "1"));
        Duration budget = CheckMain.duration(o.getOrDefault("budget", "10m"));
        ChaosRun.Options options = new ChaosRun.Options(Integer.parseInt(o.getOrDefault("sagas", "10000")), instances,
                Integer.parseInt(o.getOrDefault("concurrency", "16")), Long.parseLong(o.getOrDefault("seed", "42")),
                !o.containsKey("no-faults"), !o.containsKey("no-breaks"), budget, root,
                root.resolve(o.getOrDefault("work", ".local/chaos/run-" + instances)),
                root.resolve(o.getOrDefault("report", "docs/chaos-report.md")));
        ChaosRun.Result result = new ChaosRun(options).run();
        System.out.println(result.reportMarkdown());
        System.exit(result.check().clean() && result.quiescent() ? 0 : 1);
    }
}
