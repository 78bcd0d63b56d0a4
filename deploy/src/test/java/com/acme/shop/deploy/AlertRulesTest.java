package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus/alerts.yml: valid for Prometheus (promtool), built on metrics the services publish, and every alert
 * leads to its own section of docs/runbook.md and is listed as paging or not in docs/operations.md.
 */
class AlertRulesTest {

    static final String RULES = "deploy/prometheus/alerts.yml";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*$", Pattern.MULTILINE);

    @Test
    void promtoolAcceptsTheRules() {
        ExternalTool.Result result = ExternalTool.PROMTOOL.run(Repository.ROOT, "check", "rules", RULES);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout()).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void alertsFireWhenAndOnlyWhenTheirUnitTestsSay() {
        // deploy/prometheus/alerts.test.yml: input series, evaluation times, the alerts expected then
        ExternalTool.Result result = ExternalTool.PROMTOOL.run(Repository.path("deploy/prometheus"), "test", "rules",
                "alerts.test.yml");

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout() + result.stderr()).contains("SUCCESS");
    }

    @Test
    void promtoolRefusesABrokenRule(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
                groups:
                  - name: broken
                    rules:
                      - alert: Broken
                        expr: max by (application (outbox_backlog) > 0
                """);

        ExternalTool.Result result = ExternalTool.PROMTOOL.run(dir, "check", "rules", broken.toString());

        assertThat(result.succeeded()).as(result.describe()).isFalse();
    }

    @Test
    void everyAlertLinksToItsOwnSectionOfTheRunbook() {
        Set<String> anchors = anchors(Repository.read("docs/runbook.md"));
        alerts().forEach((name, rule) -> {
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            String url = String.valueOf(annotations.get("runbook_url"));

            assertThat(url).as(name).isEqualTo("docs/runbook.md#" + slug(name));
            assertThat(anchors).as(name + ": docs/runbook.md has a section for " + url).contains(slug(name));
            assertThat(annotations.get("summary")).as(name).isNotNull();
            assertThat(annotations.get("description")).as(name).isNotNull();
        });
    }

    @Test
    void theRunbookHasASectionForEveryAlertAndNoStaleOnes() {
        String runbook = Repository.read("docs/runbook.md");
        String alertsChapter = runbook.substring(runbook.indexOf("\n## Alerts\n"));
        Set<String> sections = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(alertsChapter);
        while (heading.find()) {
            if (heading.group(1).length() == 3) {
                sections.add(heading.group(2));
            }
        }

        assertThat(sections).containsExactlyInAnyOrderElementsOf(alerts().keySet());
    }

    @Test
    void everyAlertEitherPagesOrOpensATicketAsTheOperationsGuideSays() {
        String operations = Repository.read("docs/operations.md");
        alerts().forEach((name, rule) -> {
            String severity = String.valueOf(((Map<?, ?>) rule.get("labels")).get("severity"));
            assertThat(severity).as(name).isIn("page", "ticket");
            assertThat(operations).as("docs/operations.md lists " + name + " as " + severity)
                    .containsPattern("\\| `" + name + "` \\| " + severity + " \\|");
        });
    }

    @Test
    void rulesUseOnlyMetricsTheServicesPublish() {
        alerts().forEach((name, rule) -> {
            Set<String> used = Metrics.namesIn(String.valueOf(rule.get("expr")));
            assertThat(used).as(name).isNotEmpty();
            assertThat(used).as(name).allSatisfy(metric -> assertThat(Metrics.isPublished(metric))
                    .as(metric + " in " + name).isTrue());
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> alerts() {
        Map<String, Object> file = new Yaml().load(Repository.read(RULES));
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<String, Object> r = (Map<String, Object>) rule;
                if (r.containsKey("alert")) {
                    assertThat(alerts.put(String.valueOf(r.get("alert")), r)).as("alert names are unique").isNull();
                }
            }
        }
        return alerts;
    }

    /** Anchors of a Markdown file's headings as GitHub and most renderers make them. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (heading.find()) {
            anchors.add(slug(heading.group(2)));
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
