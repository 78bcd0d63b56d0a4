package com.acme.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scrape of {@code /actuator/prometheus} as the scraper reads it (the scrape token), and the metric names every
 * service agreed to expose (docs/observability.md): dashboards and alerts are written against exactly these.
 */
public final class Prometheus {

    /** What every service with the platform exposes. */
    public static final List<String> EVERY_SERVICE = List.of("outbox_backlog", "outbox_oldest_unsent_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds");

    /** The durable-job runner's metrics, in services with job queues. */
    public static final List<String> JOB_QUEUES = List.of("jobs_due", "jobs_in_flight", "jobs_parked",
            "jobs_oldest_due_age_seconds", "jobs_attempts_total");

    private Prometheus() {
    }

    /** Scrapes with the scrape token; fails unless the answer is 200 in the Prometheus text format. */
    public static Scrape scrape(String baseUrl) {
        Http.Response r = Http.get(baseUrl + "/actuator/prometheus", Http.AS_SCRAPER);
        if (r.status() != 200 || r.raw() == null || !r.raw().contains("# TYPE")) {
            throw new AssertionError("scrape failed: " + r.status() + " " + r.raw());
        }
        return new Scrape(r.raw());
    }

    /** One scrape's text. */
    public record Scrape(String text) {

        /** Keeps the scrape under {@code target/} for a person to read (what the names look like for real). */
        public Scrape keep(String service) {
            try {
                Path file = Path.of("target", "prometheus-" + service + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The sample lines (not comments). */
        public List<String> samples() {
            List<String> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    samples.add(line);
                }
            }
            return samples;
        }

        /**
         * The sample lines of a metric: the name itself, or a timer's or histogram's series of it
         * ({@code _count}, {@code _sum}, {@code _bucket}, {@code _max}).
         */
        public List<String> samplesOf(String name) {
            List<String> found = new ArrayList<>();
            for (String sample : samples()) {
                String sampleName = nameOf(sample);
                if (sampleName.equals(name) || sampleName.equals(name + "_count") || sampleName.equals(name + "_sum")
                        || sampleName.equals(name + "_bucket") || sampleName.equals(name + "_max")) {
                    found.add(sample);
                }
            }
            return found;
        }

        /** Every metric name that has samples, sorted as the scrape lists them. */
        public Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            samples().forEach(sample -> names.add(nameOf(sample)));
            return names;
        }

        private static String nameOf(String sample) {
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
                end++;
            }
            return sample.substring(0, end);
        }
    }

    /**
     * Whether a sample of this metric may read NaN without a fault: Kafka's own client metrics (consumer lag) read NaN
     * until that consumer's first fetch with partitions, which a consumer of a quiet topic may not have done yet. Our
     * own gauges never may (a NaN there is a collected gauge).
     */
    public static boolean mayReadNaN(String metric) {
        return metric.startsWith("kafka_consumer_");
    }
}
