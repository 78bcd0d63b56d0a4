package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/grafana/toss-payment-saga.json: a loadable dashboard whose queries use the published metrics. */
class DashboardTest {

    private static final JsonNode DASHBOARD =
            JsonMapper.builder().build().readTree(Repository.read("deploy/grafana/toss-payment-saga.json"));

    @Test
    void isADashboardWithAPrometheusDatasourceChoice() {
        assertThat(DASHBOARD.path("uid").asString()).isEqualTo("toss-payment-saga");
        assertThat(DASHBOARD.path("schemaVersion").asInt()).isPositive();
        assertThat(DASHBOARD.path("templating").path("list").valueStream()
                .filter(v -> v.path("type").asString().equals("datasource"))
                .map(v -> v.path("query").asString())).containsExactly("prometheus");
        Set<Integer> ids = new LinkedHashSet<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
        }
    }

    @Test
    void queriesUseOnlyMetricsTheServicesPublish() {
        for (String expression : expressions()) {
            assertThat(Metrics.namesIn(expression)).as(expression).isNotEmpty()
                    .allSatisfy(metric -> assertThat(Metrics.isPublished(metric)).as(metric + " in " + expression)
                            .isTrue());
        }
        Matcher variable = Pattern.compile("label_values\\((\\w+),").matcher(DASHBOARD.path("templating").toString());
        while (variable.find()) {
            assertThat(Metrics.isPublished(variable.group(1))).as(variable.group(1)).isTrue();
        }
    }

    @Test
    void showsEveryMetricAnAlertIsBuiltOn() {
        Set<String> shown = new LinkedHashSet<>();
        expressions().forEach(e -> shown.addAll(Metrics.namesIn(e)));
        AlertRulesTest.alerts().forEach((name, rule) -> Metrics.namesIn(String.valueOf(rule.get("expr"))).stream()
                .filter(metric -> !metric.equals("up"))
                .forEach(metric -> assertThat(shown).as(name + " uses " + metric).contains(metric)));
    }

    private static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        DASHBOARD.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        });
        return panels;
    }

    private static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString()));
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }
}
