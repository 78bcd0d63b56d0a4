package com.acme.shop.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latency histograms of the end-to-end benchmark as PNG files (XChart), for docs/benchmarks.md. */
final class Charts {

    private Charts() {
    }

    static void write(Path dir, List<Double> confirmMs, E2eBenchmark.Completion completion, List<Double> compensationMs,
                      int rate) throws IOException {
        Files.createDirectories(dir);
        histogram(dir.resolve("bench-e2e-confirm.png"), "Confirm latency, " + rate + " sagas/s offered (client side)",
                List.of(new Series("confirm", confirmMs)));
        histogram(dir.resolve("bench-e2e-saga-completion.png"), "Saga completion, " + rate
                        + " sagas/s offered (Toss approval -> row)",
                List.of(new Series("approval -> order row", completion.toOrder),
                        new Series("approval -> settlement row", completion.toSettlement)));
        histogram(dir.resolve("bench-e2e-compensation.png"),
                "Compensation (ORDER_CREATION_FAILED -> refunded at Toss and recorded)",
                List.of(new Series("failed order -> refund recorded", compensationMs)));
    }

    record Series(String name, List<Double> values) {
    }

    /** Counts per bucket; buckets of equal width from 0 to the largest p99 of the series (the rest in the last). */
    static void histogram(Path file, String title, List<Series> series) throws IOException {
        double top = series.stream().mapToDouble(s -> E2eBenchmark.pct(s.values(), 99)).filter(d -> !Double.isNaN(d))
                .max().orElse(1);
        int buckets = 30;
        double width = Math.max(1, niceWidth(top / buckets));
        CategoryChart chart = new CategoryChartBuilder().width(900).height(450).title(title)
                .xAxisTitle("milliseconds (bucket start; the last bucket holds everything above)").yAxisTitle("sagas")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            labels.add(String.format(Locale.ROOT, i == buckets - 1 ? "%.0f+" : "%.0f", i * width));
        }
        for (Series s : series) {
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < buckets; i++) {
                counts.add(0);
            }
            for (double v : s.values()) {
                int b = (int) Math.min(buckets - 1, Math.max(0, Math.floor(v / width)));
                counts.set(b, counts.get(b) + 1);
            }
            chart.addSeries(String.format(Locale.ROOT, "%s (n=%d, p50 %.0f ms, p99 %.0f ms)", s.name(), s.values().size(),
                    E2eBenchmark.pct(s.values(), 50), E2eBenchmark.pct(s.values(), 99)), labels, counts);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static double niceWidth(double raw) {
        double[] steps = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};
        for (double s : steps) {
            if (s >= raw) {
                return s;
            }
        }
        return Math.ceil(raw / 1000) * 1000;
    }
}
