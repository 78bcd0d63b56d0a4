package com.acme.shop.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus names the services publish (the list agreed with the services' instrumentation, docs/operations.md),
 * and the metric names a PromQL expression uses.
 */
final class Metrics {

    /** Gauges and counters, used as they are. */
    static final Set<String> SERIES = Set.of(
            "outbox_backlog", "outbox_oldest_unsent_age_seconds",
            "jobs_due", "jobs_in_flight", "jobs_parked", "jobs_oldest_due_age_seconds", "jobs_attempts_total",
            "payments_review", "dead_letters_pending", "webhooks_oldest_unprocessed_age_seconds",
            "resilience4j_circuitbreaker_state", "resilience4j_bulkhead_available_concurrent_calls",
            "kafka_consumer_fetch_manager_records_lag_max",
            // Prometheus' own: 1 when the target answered the scrape
            "up");
    /** Timers and histograms: published as _count, _sum, _max and, with buckets, _bucket. */
    static final Set<String> HISTOGRAMS = Set.of("webhook_processing_lag_seconds", "saga_completion_seconds",
            "toss_client_requests_seconds", "http_server_requests_seconds");
    private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private Metrics() {
    }

    static boolean isPublished(String name) {
        if (SERIES.contains(name)) {
            return true;
        }
        return HISTOGRAM_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                && HISTOGRAMS.contains(name.substring(0, name.length() - suffix.length())));
    }

    /** The metric names in a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> namesIn(String promql) {
        String expression = STRING.matcher(promql).replaceAll("\"\"");
        expression = expression.replaceAll("\\{[^}]*}", " ");           // label matchers
        expression = expression.replaceAll("\\[[^]]*]", " ");           // range and subquery durations
        expression = LABEL_LIST.matcher(expression).replaceAll(" ");    // by (...), on (...), ...
        expression = expression.replaceAll("\\$\\w+|\\$\\{[^}]*}", " "); // Grafana variables
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(expression);
        while (identifier.find()) {
            String word = identifier.group(1);
            boolean function = identifier.group(2) != null;
            if (!function && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
