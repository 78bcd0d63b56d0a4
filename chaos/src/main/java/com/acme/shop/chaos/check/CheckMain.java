package com.acme.shop.chaos.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bin/check-invariants}: reads every service's tables, the sandbox's ledger and the driver's log, prints one
 * row per order that is not {@code match} (all rows with {@code --all}, or into {@code --rows=FILE}), a summary by
 * kind, and exits 1 when anything is not {@code match} (2 when it could not read).
 *
 * <pre>
 *   --db=jdbc:mariadb://127.0.0.1:3307/   server URL, the schema is appended (default: ./run.sh's)
 *   --db-user=root --db-password=
 *   --sandbox=http://127.0.0.1:8090       the Toss sandbox (--sandbox= skips Toss)
 *   --driver-log=FILE                      the chaos run's customer log (JSONL); optional
 *   --budget=10m                           recovery budget (30s, 10m, 1h)
 * </pre>
 */
public final class CheckMain {

    private CheckMain() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: bin/check-invariants [--db=jdbc:mariadb://127.0.0.1:3307/] [--db-user=root]"
                        + " [--db-password=] [--sandbox=http://127.0.0.1:8090] [--driver-log=FILE] [--budget=10m]"
                        + " [--rows=FILE] [--all]");
                return;
            }
            if (!a.startsWith("--")) {
                System.err.println("unknown argument " + a);
                System.exit(2);
            }
            int eq = a.indexOf('=');
            opts.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        InvariantChecker.Result result;
        try {
            String sandbox = opts.getOrDefault("sandbox", "http://127.0.0.1:8090");
            SnapshotReader reader = new SnapshotReader(opts.getOrDefault("db", "jdbc:mariadb://127.0.0.1:3307/"),
                    opts.getOrDefault("db-user", "root"), opts.getOrDefault("db-password", ""),
                    sandbox.isEmpty() ? null : sandbox,
                    opts.containsKey("driver-log") ? Path.of(opts.get("driver-log")) : null);
            result = new InvariantChecker(duration(opts.getOrDefault("budget", "10m"))).check(reader.read());
        }
        catch (RuntimeException e) {
            System.err.println("check-invariants: " + e.getMessage());
            System.exit(2);
            return;
        }
        print(result, System.out, opts.containsKey("all"));
        if (opts.containsKey("rows")) {
            try {
                Files.write(Path.of(opts.get("rows")), result.rows().stream().map(Row::format).toList());
            }
            catch (IOException e) {
                System.err.println("cannot write rows: " + e.getMessage());
            }
        }
        System.exit(result.clean() ? 0 : 1);
    }

    public static void print(InvariantChecker.Result result, PrintStream out, boolean all) {
        for (Row row : result.rows()) {
            if (all || row.kind() != Kind.MATCH) {
                out.println(row.format());
            }
        }
        out.println("summary: " + summary(result));
    }

    public static String summary(InvariantChecker.Result result) {
        StringBuilder s = new StringBuilder();
        result.byKind().forEach((k, n) -> s.append(k.label()).append('=').append(n).append(' '));
        s.append("in-review=").append(result.inReview());
        return s.toString();
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(text);
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("duration like 90s, 10m or 1h: " + text);
        };
    }
}
