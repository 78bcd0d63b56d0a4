package com.acme.shop.admin.web;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.testsupport.security.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the console, as every kind of caller tries it: anonymous, each role that may not pass, each role that
 * may, and each path spelling that a naive matcher would not see as the route. The table below is the roles matrix of
 * docs/console.md; a route added without a line here is still denied (the chain's last rule), and this test fails
 * when a line and the chain disagree.
 */
class ConsoleDoorsIT extends AbstractIntegrationTest {

    private static final Set<OperatorRole> PEOPLE = EnumSet.allOf(OperatorRole.class);
    private static final Set<OperatorRole> ACTORS = EnumSet.of(OperatorRole.OPERATOR, OperatorRole.ADMIN);
    private static final Set<OperatorRole> FINANCE_STAFF = EnumSet.of(OperatorRole.FINANCE, OperatorRole.ADMIN);
    private static final Set<OperatorRole> ADMINS = EnumSet.of(OperatorRole.ADMIN);
    private static final String ORDER = "ord_doors_000001";

    /** One door: method, path, who may pass, and a form body for POSTs. */
    record Door(String method, String path, Set<OperatorRole> who, String form) {

        static Door get(String path, Set<OperatorRole> who) {
            return new Door("GET", path, who, null);
        }

        static Door post(String path, Set<OperatorRole> who) {
            return new Door("POST", path, who, "");
        }
    }

    static final List<Door> DOORS = List.of(
            Door.get("/", PEOPLE),
            Door.get("/payments", PEOPLE),
            Door.get("/payments/results", PEOPLE),
            Door.get("/payments/export.xlsx", PEOPLE),
            Door.get("/payments/lookup?q=" + ORDER, PEOPLE),
            Door.get("/payments/" + ORDER, PEOPLE),
            Door.get("/payments/" + ORDER + "/activity", PEOPLE),
            Door.get("/queues", PEOPLE),
            Door.get("/webhooks/1", PEOPLE),
            Door.get("/dead-letters/999999999", PEOPLE),
            Door.get("/sagas", PEOPLE),
            Door.get("/audit", PEOPLE),
            Door.get("/finance", PEOPLE),
            Door.get("/finance/charts", PEOPLE),
            Door.get("/finance/exports/job-1", FINANCE_STAFF),
            Door.get("/finance/exports/job-1/file", FINANCE_STAFF),
            Door.get("/finance/export.xlsx?from=2026-11-01&to=2026-11-30", FINANCE_STAFF),
            Door.get("/operators", ADMINS),
            Door.post("/payments/" + ORDER + "/refund-confirmation", ACTORS),
            Door.post("/payments/" + ORDER + "/refunds", ACTORS),
            Door.post("/payments/" + ORDER + "/recheck", ACTORS),
            Door.post("/refunds/req-doors-1/retry", ACTORS),
            Door.post("/webhooks/1/reprocess", ACTORS),
            Door.post("/dead-letters/999999999/replay", ACTORS),
            Door.post("/api/v1/admin/dead-letters/999999999/replay", ACTORS),
            Door.post("/finance/mismatches/999999999/resolve", FINANCE_STAFF),
            Door.post("/finance/mismatches/999999999/ignore", FINANCE_STAFF),
            Door.post("/finance/exports", FINANCE_STAFF),
            Door.post("/operators", ADMINS),
            Door.post("/operators/999999999/roles", ADMINS),
            Door.post("/operators/999999999/disable", ADMINS),
            Door.post("/operators/999999999/enable", ADMINS),
            Door.post("/operators/999999999/unlock", ADMINS),
            Door.post("/operators/999999999/password", ADMINS));

    private final Map<OperatorRole, Map<String, String>> sessions = new LinkedHashMap<>();

    @BeforeEach
    void signInOnePersonPerRole() {
        for (OperatorRole role : OperatorRole.values()) {
            Browser browser = signedIn("it-doors-" + role.name().toLowerCase(Locale.ROOT), role);
            String token = browser.consoleToken();
            sessions.put(role, Map.of("Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie().orElseThrow().getValue(),
                    "X-CSRF-TOKEN", token, "Accept", "application/json"));
        }
    }

    @Test
    void everyRoleGetsExactlyTheDoorsOfTheMatrix() {
        List<String> failures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (Door door : DOORS) {
            RawHttp.Response anonymous = send(door, door.path(), Map.of("Accept", "application/json"));
            table.add(line(door, "anonymous", anonymous));
            if (!refused(anonymous)) {
                failures.add(line(door, "anonymous", anonymous));
            }
            for (OperatorRole role : OperatorRole.values()) {
                RawHttp.Response answer = send(door, door.path(), sessions.get(role));
                table.add(line(door, role.name(), answer));
                boolean may = door.who().contains(role);
                if (may && (refused(answer) || answer.status() == 405)) {
                    failures.add(line(door, role + " (may)", answer));
                }
                if (!may && (answer.status() != 403 || !answer.isProblem() || !"ACCESS_DENIED".equals(answer.code()))) {
                    failures.add(line(door, role + " (may not)", answer));
                }
                if (answer.status() >= 500 && answer.status() != 503) {
                    failures.add(line(door, role + " 5xx", answer));
                }
            }
        }
        System.out.println("Console doors:\n  " + String.join("\n  ", table));
        assertThat(failures).as("doors that disagree with the matrix").isEmpty();
    }

    @Test
    void noSpellingOfARouteLetsAnonymousOrAWrongRoleThrough() {
        List<String> failures = new ArrayList<>();
        for (Door door : DOORS) {
            OperatorRole wrong = EnumSet.complementOf(EnumSet.copyOf(door.who())).stream().findFirst().orElse(null);
            for (String spelled : spellings(door.path())) {
                RawHttp.Response anonymous = send(door, spelled, Map.of("Accept", "application/json"));
                if (!refused(anonymous)) {
                    failures.add(line(door, "anonymous " + spelled, anonymous));
                }
                if (wrong != null) {
                    RawHttp.Response answer = send(door, spelled, sessions.get(wrong));
                    if (!refused(answer)) {
                        failures.add(line(door, wrong + " " + spelled, answer));
                    }
                }
            }
        }
        assertThat(failures).as("spellings that got through").isEmpty();
    }

    @Test
    void aBrowserOnAPageItsRoleDoesNotOpenGetsTheKorean403PageAndHtmxAProblem() {
        Map<String, String> viewer = new LinkedHashMap<>(sessions.get(OperatorRole.VIEWER));
        viewer.put("Accept", "text/html");
        RawHttp.Response page = send(Door.get("/operators", ADMINS), "/operators", viewer);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("권한이 없습니다");

        viewer.put("HX-Request", "true");
        RawHttp.Response htmx = send(Door.post("/payments/" + ORDER + "/refunds", ACTORS), "/payments/" + ORDER + "/refunds",
                viewer);
        assertThat(htmx.status()).isEqualTo(403);
        assertThat(htmx.code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void htmxWithoutASessionIsToldToLoadTheSignInPage() {
        RawHttp.Response answer = send(Door.get("/payments", PEOPLE), "/payments", Map.of("HX-Request", "true"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("HX-Redirect")).isEqualTo("/login");

        RawHttp.Response expired = send(Door.get("/payments", PEOPLE), "/payments",
                Map.of("HX-Request", "true", "Cookie", Browser.SESSION_COOKIE + "=no-such-session"));
        assertThat(expired.header("HX-Redirect")).isEqualTo("/login?expired");
        RawHttp.Response page = send(Door.get("/payments", PEOPLE), "/payments",
                Map.of("Cookie", Browser.SESSION_COOKIE + "=no-such-session", "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login?expired");
    }

    /** A refusal: a redirect to the sign-in page, 400 (the firewall), 401 or 403; never the route's own answer. */
    private static boolean refused(RawHttp.Response answer) {
        if (answer.status() == 302) {
            String location = answer.header("Location");
            return location != null && location.matches(".*/login(\\?expired)?");
        }
        return answer.status() == 400 && "REQUEST_REJECTED".equals(answer.code())
                || answer.status() == 401 || answer.status() == 403;
    }

    private RawHttp.Response send(Door door, String target, Map<String, String> headers) {
        byte[] body = door.form() == null ? null : door.form().getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return RawHttp.to("http://127.0.0.1:" + port).send(new RawHttp.Request(door.method(), target, all, body, false));
    }

    private static List<String> spellings(String path) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        if (pathOnly.equals("/")) {
            return List.of("/;x", "//", "/x/../");
        }
        int second = pathOnly.indexOf('/', 1);
        String first = second < 0 ? pathOnly : pathOnly.substring(0, second);
        String rest = second < 0 ? "" : pathOnly.substring(second);
        return List.of(first + ";x" + rest + query,
                "/%" + String.format(Locale.ROOT, "%02X", (int) first.charAt(1)) + first.substring(2) + rest + query,
                first + "/" + rest + query, "/x/.." + pathOnly + query);
    }

    private static String line(Door door, String who, RawHttp.Response answer) {
        return String.format("%-5s %-52s %-22s -> %d %s", door.method(), door.path(), who, answer.status(),
                answer.code() != null ? answer.code() : answer.header("Location") == null ? "" : answer.header("Location"));
    }
}
