package com.acme.shop.settlement.reconciliation;

import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.settlement.ledger.LedgerSeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance's decisions about reconciliation mismatches: resolve with a note, ignore with a reason, as the operator
 * admin-service names. Mismatches are seeded straight into the table on sales dates of April 2024, which belong to this
 * test (ReconciliationIT proves how runs create them and how a re-run treats a decision).
 */
class MismatchDecisionsIT extends AbstractIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final Instant found = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    private long openMismatch(LocalDate date) {
        LedgerSeed.run(jdbc, date, 0, found);
        long id = LedgerSeed.mismatch(jdbc, date, "OPEN", null, null, found);
        jdbc.update("UPDATE reconciliation_run SET open_mismatches = open_mismatches + 1 WHERE sales_date = ?", date);
        return id;
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, resolved_by, note, resolved_at, version FROM reconciliation_mismatch "
                + "WHERE id = ?", id);
    }

    private int openOfRun(LocalDate date) {
        return jdbc.queryForObject("SELECT open_mismatches FROM reconciliation_run WHERE sales_date = ?", Integer.class,
                date);
    }

    @Test
    void resolvesAnOpenMismatchWithANoteAndNamesWhoDidIt() {
        LocalDate date = LocalDate.parse("2024-04-01");
        long id = openMismatch(date);
        long other = openMismatch(date);
        Instant before = Instant.now();

        Response resolved = post("/api/v1/settlements/mismatches/" + id + "/resolve",
                "{\"note\":\"  토스 정산팀 확인: 프로모션 수수료 적용\\r\\n다음 달 정산에서 보정  \"}", "finance.kim");

        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
        JsonNode view = resolved.body();
        assertThat(view.get("id").asLong()).isEqualTo(id);
        assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(view.get("statusLabel").asString()).isEqualTo("해소");
        assertThat(view.get("resolvedBy").asString()).isEqualTo("finance.kim");
        assertThat(view.get("note").asString()).isEqualTo("토스 정산팀 확인: 프로모션 수수료 적용\n다음 달 정산에서 보정");
        assertThat(Instant.parse(view.get("resolvedAt").asString())).isBetween(before.minusSeconds(1),
                Instant.now().plusSeconds(1));
        assertThat(view.get("kind").asString()).isEqualTo("FEE");
        assertThat(view.get("ledgerValue").asString()).isEqualTo("340");
        assertThat(openOfRun(date)).as("the run's open count follows").isEqualTo(1);

        List<JsonNode> listed = list(date, "RESOLVED");
        assertThat(listed).extracting(m -> m.get("id").asLong()).containsExactly(id);
        assertThat(listed.getFirst().get("resolvedBy").asString()).isEqualTo("finance.kim");
        assertThat(list(date, "OPEN")).extracting(m -> m.get("id").asLong()).containsExactly(other);
    }

    @Test
    void ignoresAnOpenMismatchWithAReason() {
        LocalDate date = LocalDate.parse("2024-04-02");
        long id = openMismatch(date);

        Response ignored = post("/api/v1/settlements/mismatches/" + id + "/ignore",
                "{\"reason\":\"1원 단수 차이, 계약상 허용\"}", "finance.lee");

        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.body().get("status").asString()).isEqualTo("IGNORED");
        assertThat(ignored.body().get("statusLabel").asString()).isEqualTo("무시");
        assertThat(ignored.body().get("resolvedBy").asString()).isEqualTo("finance.lee");
        assertThat(ignored.body().get("note").asString()).isEqualTo("1원 단수 차이, 계약상 허용");
        assertThat(list(date, "IGNORED")).extracting(m -> m.get("id").asLong()).containsExactly(id);
        assertThat(list(date, "OPEN")).isEmpty();
        assertThat(openOfRun(date)).isZero();
    }

    @Test
    void onlyAnOpenMismatchCanBeDecidedAndARefusalChangesNothing() {
        LocalDate date = LocalDate.parse("2024-04-03");
        long ignored = LedgerSeed.mismatch(jdbc, date, "IGNORED", "finance.kim", "허용 차이", found);
        long resolvedByARun = LedgerSeed.mismatch(jdbc, date, "RESOLVED", null, null, found);
        Map<String, Object> ignoredBefore = row(ignored);
        Map<String, Object> resolvedBefore = row(resolvedByARun);

        for (String action : List.of("resolve", "ignore")) {
            String body = action.equals("resolve") ? "{\"note\":\"다시\"}" : "{\"reason\":\"다시\"}";
            Response again = post("/api/v1/settlements/mismatches/" + ignored + "/" + action, body, "finance.park");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().get("code").asString()).isEqualTo("MISMATCH_NOT_OPEN");
            assertThat(again.body().get("mismatchStatus").asString()).isEqualTo("IGNORED");
            Response closed = post("/api/v1/settlements/mismatches/" + resolvedByARun + "/" + action, body,
                    "finance.park");
            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.body().get("mismatchStatus").asString()).isEqualTo("RESOLVED");
        }

        assertThat(row(ignored)).isEqualTo(ignoredBefore);
        assertThat(row(resolvedByARun)).isEqualTo(resolvedBefore);
    }

    @Test
    void refusesUnknownIdsMissingOperatorsAndEmptyNotesWithoutChangingAnything() {
        LocalDate date = LocalDate.parse("2024-04-04");
        long id = openMismatch(date);
        Map<String, Object> before = row(id);

        assertProblem(post("/api/v1/settlements/mismatches/999999999999/resolve", "{\"note\":\"확인\"}", "finance.kim"),
                404, "MISMATCH_NOT_FOUND");
        assertProblem(post("/api/v1/settlements/mismatches/abc/ignore", "{\"reason\":\"확인\"}", "finance.kim"),
                404, "MISMATCH_NOT_FOUND");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/resolve", "{\"note\":\"확인\"}", null),
                400, "OPERATOR_REQUIRED");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/resolve", "{\"note\":\" \\n \"}", "finance.kim"),
                400, "VALIDATION_FAILED");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/ignore", "{\"reason\":\"" + "가".repeat(501)
                + "\"}", "finance.kim"), 400, "VALIDATION_FAILED");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/ignore", "{\"reason\":\"a\\u0000b\"}",
                "finance.kim"), 400, "VALIDATION_FAILED");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/ignore", "{\"note\":\"wrong field\"}",
                "finance.kim"), 400, "MALFORMED_REQUEST");
        assertProblem(post("/api/v1/settlements/mismatches/" + id + "/resolve", null, "finance.kim"), 400,
                "MALFORMED_REQUEST");

        assertThat(row(id)).isEqualTo(before);
        assertThat(post("/api/v1/settlements/mismatches/" + id + "/resolve", "{\"note\":\"" + "가".repeat(500)
                + "\"}", "finance.kim").status()).as("500 characters are allowed").isEqualTo(200);
    }

    @Test
    void ofOperatorsDecidingAboutOneMismatchAtOnceExactlyOneWins() throws Exception {
        LocalDate date = LocalDate.parse("2024-04-05");
        long id = openMismatch(date);
        int operators = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> decisions = new ArrayList<>();
        for (int i = 0; i < operators; i++) {
            String operator = "finance.op" + i;
            String action = i % 2 == 0 ? "resolve" : "ignore";
            String body = i % 2 == 0 ? "{\"note\":\"확인 " + i + "\"}" : "{\"reason\":\"허용 " + i + "\"}";
            decisions.add(() -> {
                start.await();
                return post("/api/v1/settlements/mismatches/" + id + "/" + action, body, operator);
            });
        }
        List<Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(operators)) {
            List<Future<Response>> futures = decisions.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        }

        Map<Integer, List<Response>> byStatus = answers.stream().collect(Collectors.groupingBy(Response::status));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(200, 409);
        assertThat(byStatus.get(200)).hasSize(1);
        assertThat(byStatus.get(409)).hasSize(operators - 1)
                .allSatisfy(r -> assertThat(r.body().get("code").asString()).isEqualTo("MISMATCH_NOT_OPEN"));
        JsonNode winner = byStatus.get(200).getFirst().body();
        Map<String, Object> stored = row(id);
        assertThat(stored.get("status")).isEqualTo(winner.get("status").asString());
        assertThat(stored.get("resolved_by")).isEqualTo(winner.get("resolvedBy").asString());
        assertThat(stored.get("note")).isEqualTo(winner.get("note").asString());
        assertThat(openOfRun(date)).isZero();
    }

    private List<JsonNode> list(LocalDate date, String status) {
        Response response = get("/api/v1/settlements/mismatches?from=" + date + "&to=" + date + "&status=" + status);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        response.body().forEach(all::add);
        return all;
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }
}
