package com.acme.shop.chaos.run;

import com.acme.shop.chaos.check.CheckMain;
import com.acme.shop.chaos.check.Kind;
import com.acme.shop.chaos.check.Row;
import com.acme.shop.chaos.check.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run's report as markdown: what ran, sagas by outcome, violations by kind, recovery after each break. */
final class Report {

    private Report() {
    }

    static final String TITLE = "# Chaos run report\n\nWritten by `bench/chaos.sh`, one section per instance count (each run"
            + " replaces its own); [chaos.md](chaos.md) explains the method, the fault schedule and the checker.\n";

    /**
     * The report file with this run's section put in: a run with N instances replaces the section of the last run
     * with N instances and keeps the others, so one file holds the latest 1- and 2-instance runs.
     */
    static String merge(String existing, String section, int instances) {
        String begin = "<!-- chaos-run instances=" + instances + " -->";
        String end = "<!-- end chaos-run instances=" + instances + " -->";
        String block = begin + "\n" + section + end + "\n";
        if (existing == null || !existing.startsWith("# Chaos run report")) {
            return TITLE + "\n" + block;
        }
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end);
        if (from >= 0 && to > from) {
            return existing.substring(0, from) + block + existing.substring(to + end.length() + 1);
        }
        return existing.stripTrailing() + "\n\n" + block;
    }

    static String markdown(ChaosRun.Result r, Duration startup) {
        ChaosRun.Options o = r.options();
        StringBuilder md = new StringBuilder();
        md.append("## ").append(o.instances()).append(o.instances() == 1 ? " instance" : " instances")
                .append(" of each service, ").append(o.sagas()).append(" sagas\n\n");
        md.append("Run at ").append(Instant.now()).append(".\n\n");
        md.append("| setting | value |\n|---|---|\n");
        md.append("| sagas driven | ").append(o.sagas()).append(" |\n");
        md.append("| instances per service | ").append(o.instances()).append(" |\n");
        md.append("| concurrent customers | ").append(o.concurrency()).append(" |\n");
        md.append("| Toss faults / breaks | ").append(o.faults() ? "on" : "off").append(" / ")
                .append(o.breaks() ? "on" : "off").append(" |\n");
        md.append("| seed | ").append(o.seed()).append(" |\n");
        md.append("| recovery budget | ").append(o.budget().toSeconds()).append(" s |\n");
        md.append("| system start-up | ").append(startup.toSeconds()).append(" s |\n");
        md.append("| load duration | ").append(r.driving().toSeconds()).append(" s (")
                .append(String.format("%.1f", o.sagas() / Math.max(1.0, r.driving().toMillis() / 1000.0)))
                .append(" sagas/s) |\n");
        md.append("| time to quiescence after the load | ").append(r.quiescent()
                ? r.toQuiescence().toSeconds() + " s" : "NOT reached within the budget").append(" |\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs |\n\n");

        md.append("### Sagas by outcome\n\n| outcome | sagas |\n|---|---:|\n");
        outcomes(r.snapshot()).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        md.append("\n### Violations by kind\n\n| kind | rows |\n|---|---:|\n");
        r.check().byKind().forEach((k, v) -> md.append("| ").append(k.label()).append(" | ").append(v).append(" |\n"));
        md.append("| (in a review queue, not a violation) | ").append(r.check().inReview()).append(" |\n");
        if (!r.check().byRule().isEmpty()) {
            md.append("\nBy rule:\n\n| kind and rule | findings |\n|---|---:|\n");
            r.check().byRule().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\nFirst rows not matching:\n\n```\n");
            r.check().violations().stream().limit(30).forEach(row -> md.append(row.format()).append('\n'));
            md.append("```\n");
        }
        md.append("\nChecker summary: `").append(CheckMain.summary(r.check())).append("`\n");

        md.append("\n### Breaks and recovery\n\nTime from the break to the restarted process answering healthy, and to the"
                + " first saga that completed end to end after it (paid, order CREATED, SALE entry, admin timeline"
                + " COMPLETED), while the load went on.\n\n");
        md.append("| break | at load | to healthy | to first completed saga |\n|---|---:|---:|---:|\n");
        for (ChaosRun.Break b : r.breaks()) {
            md.append("| ").append(b.what()).append(" | ").append(Math.round(b.atProgress() * 100)).append(" % | ")
                    .append(b.toHealthy() == null ? "-" : seconds(b.toHealthy())).append(" | ")
                    .append(b.toFirstSaga() == null ? "none within 5 min" : seconds(b.toFirstSaga())).append(" |\n");
        }
        md.append("\n### What the driver did and was told\n\n| event | count |\n|---|---:|\n");
        r.counters().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static Map<String, Integer> outcomes(Snapshot s) {
        Map<String, Integer> out = new TreeMap<>();
        for (Snapshot.Customer c : s.customers().values()) {
            Snapshot.Payment p = s.payments().get(c.orderId());
            List<Snapshot.Order> orders = s.orders().getOrDefault(c.orderId(), List.of());
            String outcome;
            if (!orders.isEmpty()) {
                Snapshot.Order o = orders.getFirst();
                outcome = switch (o.status()) {
                    case "CREATED" -> "completed: order CREATED";
                    case "PARTIALLY_REFUNDED" -> "completed, then partly refunded by an operator";
                    case "CANCELED" -> o.failureReason() != null
                            ? "compensated: order failed (" + o.failureReason() + "), refunded at Toss"
                            : "refunded in full";
                    default -> "order " + o.status();
                };
            }
            else if (p == null) {
                outcome = "no payment row";
            }
            else {
                outcome = switch (p.status()) {
                    case "WAITING_FOR_DEPOSIT" -> "virtual account issued, never paid";
                    case "ABORTED" -> "aborted (fail redirect or decline)";
                    case "READY" -> "not confirmed (no confirm reached Toss)";
                    case "MANUAL_REVIEW" -> "in manual review";
                    default -> "payment " + p.status() + ", no order";
                };
            }
            out.merge(outcome + (c.scenario().equals("probe") ? " [probe]" : ""), 1, Integer::sum);
        }
        return out;
    }

    static long count(List<Row> rows, Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).count();
    }
}
