package com.acme.shop.admin.web;

import com.acme.shop.admin.AbstractIntegrationTest;
import com.acme.shop.admin.Browser;
import com.acme.shop.admin.SagaEvents;
import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.admin.operator.TestOperators;
import com.acme.shop.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * admin-service's doors over real HTTP on its port: sign-in, lockout, sessions, CSRF, roles, tokens, and paths
 * spelled to slip past the rules. The browser keeps cookies like a real one; unnormalised paths go out through a
 * plain socket, so no client tidies them up on the way.
 */
class AdminSecurityIT extends AbstractIntegrationTest {

    private static final String SAGAS = "/api/v1/admin/sagas";
    private static final String WRONG_OR_LOCKED = "아이디 또는 비밀번호가 틀렸거나, 계정이 잠겨 있습니다.";
    private static final Map<String, String> AS_SCRAPER = Map.of("Authorization", "Bearer " + TestInfrastructure.SCRAPE_TOKEN);

    // ---- anonymous callers ---------------------------------------------------------------------------------------

    @Test
    void anAnonymousBrowserOnAPageIsSentToTheKoreanSignInPage() {
        Browser browser = new Browser(port);

        Answer page = browser.get("/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login");
        Answer signIn = browser.get("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("<html lang=\"ko\">", "로그인", "아이디", "비밀번호",
                "name=\"username\"", "name=\"password\"", "type=\"password\"", "action=\"/login\"");
        assertThat(signIn.body().split("name=\"_csrf\"", -1)).as("exactly one CSRF field").hasSize(2);
        assertThat(signIn.body()).doesNotContain(WRONG_OR_LOCKED);
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void anAnonymousApiCallIsA401ProblemNotARedirect() {
        Answer answer = get(SAGAS, Map.of("Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(answer.location()).isNull();
        assertThat(get("/api/v1/admin/dead-letters", Map.of()).status()).isEqualTo(401);
        assertThat(get("/actuator/metrics", Map.of()).json().path("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void undeclaredRoutesAreClosedEvenToAnAdmin() {
        Browser admin = new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(admin.get("/api/v1/admin/nothing-here").status()).as("GET under the read rule").isEqualTo(404);
        assertThat(admin.post("/api/v1/admin/sagas", Map.of("X-CSRF-TOKEN", admin.consoleToken())).status())
                .as("POST nobody declared").isEqualTo(403);
        assertThat(admin.get("/index.html").status()).isEqualTo(403);
        assertThat(admin.get("/actuator/env").status()).as("actuator beyond metrics: machines only").isEqualTo(403);
    }

    // ---- signing in ------------------------------------------------------------------------------------------------

    @Test
    void theRightPasswordSignsInWithANewSessionIdInAGuardedCookie() {
        String username = TestOperators.ensure(context, "it-signin-" + shortId(), OperatorRole.VIEWER);
        Browser browser = new Browser(port);
        Answer signInPage = browser.get("/login");
        String before = browser.sessionCookie().orElseThrow().getValue();

        Answer signedIn = browser.postForm("/login", form(username, TestOperators.PASSWORD, Browser.formToken(signInPage)));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax");
        String after = browser.sessionCookie().orElseThrow().getValue();
        assertThat(after).as("session fixation: a new id at sign-in").isNotEqualTo(before);
        Answer console = browser.get("/");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("<code>" + username + "</code>");
        assertThat(TestOperators.signInState(context, username)).contains("failed=0", "lastSignIn=" + clock.instant());
        // the old id is worth nothing now
        Browser attacker = new Browser(port);
        attacker.useSession(before);
        assertThat(attacker.get("/").status()).isEqualTo(302);
        assertThat(context.getEnvironment().getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    }

    @Test
    void aWrongPasswordAnUnknownUserAndABadTokenAllFailTheSameWay() {
        String username = TestOperators.ensure(context, "it-wrong-" + shortId(), OperatorRole.VIEWER);

        Browser wrongPassword = new Browser(port);
        Answer wrong = wrongPassword.signIn(username, "not-the-password");
        Answer unknown = new Browser(port).signIn("nobody-" + shortId(), "not-the-password");
        Answer notAUsername = new Browser(port).signIn("김운영 ' or 1=1 --", "x");
        Answer tooLong = new Browser(port).signIn(username, "p".repeat(100));

        for (Answer answer : List.of(wrong, unknown, notAUsername, tooLong)) {
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.location()).isEqualTo("/login?error");
        }
        assertThat(wrongPassword.get("/").status()).as("not signed in").isEqualTo(302);
        Answer message = wrongPassword.get("/login?error");
        assertThat(message.body()).contains(WRONG_OR_LOCKED);
        assertThat(TestOperators.signInState(context, username)).contains("failed=2");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutIsOver() {
        String username = TestOperators.ensure(context, "it-lock-" + shortId(), OperatorRole.OPERATOR);
        Answer unknownUser = new Browser(port).signIn("nobody-" + shortId(), "not-the-password");

        for (int i = 1; i <= 5; i++) {
            Answer wrong = new Browser(port).signIn(username, "wrong-password-" + i);
            assertThat(wrong.location()).as("attempt " + i).isEqualTo("/login?error");
        }
        assertThat(TestOperators.signInState(context, username)).contains("lockedUntil=" + clock.instant()
                .plus(Duration.ofMinutes(15)));

        // now even the right password is refused, and the answer is the same as for a wrong one or an unknown user
        Browser locked = new Browser(port);
        Answer refused = locked.signIn(username, TestOperators.PASSWORD);
        assertThat(refused.status()).isEqualTo(unknownUser.status());
        assertThat(refused.location()).isEqualTo(unknownUser.location()).isEqualTo("/login?error");
        assertThat(locked.get("/").status()).isEqualTo(302);

        clock.advance(Duration.ofMinutes(14));
        assertThat(new Browser(port).signIn(username, TestOperators.PASSWORD).location()).as("14 minutes later")
                .isEqualTo("/login?error");

        clock.advance(Duration.ofMinutes(1));
        Browser afterwards = new Browser(port);
        assertThat(afterwards.signIn(username, TestOperators.PASSWORD).location()).as("15 minutes later").isEqualTo("/");
        assertThat(afterwards.get("/").status()).isEqualTo(200);
        assertThat(TestOperators.signInState(context, username)).contains("failed=0", "lockedUntil=null");
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = signedIn("it-logout-" + shortId(), OperatorRole.VIEWER);
        Answer console = browser.get("/");
        String session = browser.sessionCookie().orElseThrow().getValue();

        Answer logout = browser.postForm("/logout", Map.of("_csrf", Browser.formToken(console)));

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("/login?logout");
        assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith(Browser.SESSION_COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(browser.get("/").status()).isEqualTo(302);
        assertThat(browser.get(SAGAS).status()).isEqualTo(401);
        assertThat(browser.get("/login?logout").body()).contains("로그아웃되었습니다.");
        // replaying the old cookie does not bring the session back
        Browser replay = new Browser(port);
        replay.useSession(session);
        assertThat(replay.get(SAGAS).status()).isEqualTo(401);
    }

    // ---- CSRF ------------------------------------------------------------------------------------------------------

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Browser operator = operator();
        String replay = "/api/v1/admin/dead-letters/999999999/replay";

        Answer withoutToken = operator.post(replay, Map.of());
        Answer withAWrongToken = operator.post(replay, Map.of("X-CSRF-TOKEN", "not-the-token"));
        Answer withToken = operator.postFromConsole(replay);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.json().path("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(withAWrongToken.status()).isEqualTo(403);
        assertThat(withToken.status()).as("past the doors: the dead letter does not exist").isEqualTo(404);
        assertThat(withToken.json().path("code").asString()).isEqualTo("DEAD_LETTER_NOT_FOUND");

        // a logout form without its token does not log out
        Answer logout = operator.postForm("/logout", Map.of());
        assertThat(logout.location()).isEqualTo("/login?expired");
        assertThat(operator.get("/").status()).as("still signed in").isEqualTo(200);

        // nor does a sign-in form without its token sign in
        String username = TestOperators.ensure(context, "it-csrf-" + shortId(), OperatorRole.VIEWER);
        Browser browser = new Browser(port);
        browser.get("/login");
        Answer signIn = browser.postForm("/login", form(username, TestOperators.PASSWORD, null));
        assertThat(signIn.location()).isEqualTo("/login?expired");
        assertThat(browser.get("/").status()).isEqualTo(302);
        assertThat(browser.get("/login?expired").body()).contains("세션이 만료되었습니다");
    }

    // ---- roles -----------------------------------------------------------------------------------------------------

    @Test
    void aViewerReadsButMayNotReplay() {
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);

        assertThat(viewer.get(SAGAS).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/admin/dead-letters").status()).isEqualTo(200);
        Answer replay = viewer.postFromConsole("/api/v1/admin/dead-letters/1/replay");
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.json().path("code").asString()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void anAdminWithoutTheOperatorRoleMayReplayToo() {
        Browser admin = new Browser(port).signedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(admin.postFromConsole("/api/v1/admin/dead-letters/999999999/replay").status())
                .as("past the doors").isEqualTo(404);
    }

    @Test
    void otherServicesReadWithTheServiceTokenButNeverAct() {
        Answer read = get(SAGAS);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).as("a token call opens no session").isEmpty();
        Answer act = new Browser(port).post("/api/v1/admin/dead-letters/1/replay",
                Map.of("Authorization", "Bearer " + TestInfrastructure.SERVICE_TOKEN));
        assertThat(act.status()).isEqualTo(403);
        assertThat(get("/").status()).as("pages are for people").isEqualTo(403);
        assertThat(get(SAGAS, Map.of("Authorization", "Bearer not-the-token")).status()).isEqualTo(401);
    }

    // ---- actuator --------------------------------------------------------------------------------------------------

    @Test
    void theScrapeTokenReadsMetricsButNotTheApi() {
        Answer metrics = get("/actuator/metrics", AS_SCRAPER);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().path("names").size()).isPositive();
        assertThat(get("/actuator/metrics/jvm.memory.used", AS_SCRAPER).status()).isEqualTo(200);

        assertThat(metrics.headers().allValues("Set-Cookie")).as("a token call opens no session").isEmpty();

        Answer api = get(SAGAS, AS_SCRAPER);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().path("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(get("/", AS_SCRAPER).status()).isEqualTo(403);
    }

    @Test
    void probesAreOpenAndDetailsAreForOperatorsAndMachines() {
        Answer anonymous = get("/actuator/health", Map.of());
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).as("no details for anonymous callers").isFalse();
        assertThat(get("/actuator/health/liveness", Map.of()).json().path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness", Map.of()).json().path("status").asString()).isEqualTo("UP");

        assertThat(get("/actuator/health", AS_SCRAPER).json().path("components").has("db")).isTrue();
        assertThat(get("/actuator/health").json().path("components").has("kafka")).as("service token").isTrue();
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);
        assertThat(viewer.get("/actuator/health").json().path("components").has("db")).isTrue();
        assertThat(viewer.get("/actuator/metrics").status()).isEqualTo(200);
    }

    // ---- paths spelled to slip past the rules ----------------------------------------------------------------------

    /** Every protected route, as an anonymous caller would try it. */
    private static List<String[]> protectedRoutes() {
        String orderId = SagaEvents.newOrderId();
        return List.of(
                new String[] {"GET", "/"},
                new String[] {"GET", SAGAS},
                new String[] {"GET", SAGAS + "/" + orderId},
                new String[] {"GET", "/api/v1/admin/dead-letters"},
                new String[] {"GET", "/api/v1/admin/dead-letters/1"},
                new String[] {"GET", "/api/v1/admin/orders/" + orderId + "/overview"},
                new String[] {"POST", "/api/v1/admin/dead-letters/1/replay"},
                new String[] {"GET", "/actuator/metrics"},
                new String[] {"GET", "/actuator/info"},
                new String[] {"GET", "/actuator/env"});
    }

    /** The spellings of {@code path} that a naive matcher would not see as it. */
    private static Map<String, String> spellings(String path) {
        Map<String, String> spelled = new LinkedHashMap<>();
        if (path.equals("/")) {
            spelled.put(";x", "/;x");
            spelled.put("//", "//");
            spelled.put("/x/../", "/x/../");
            return spelled;
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        String rest = second < 0 ? "" : path.substring(second);
        spelled.put(";x", first + ";x" + rest);
        spelled.put("%xx", "/%" + String.format(Locale.ROOT, "%02X", (int) first.charAt(1)) + first.substring(2) + rest);
        spelled.put("//", first + "/" + rest);
        spelled.put("/x/../", "/x/.." + path);
        return spelled;
    }

    @Test
    void noSpellingOfAProtectedRouteGetsPastTheDoors() {
        List<String> report = new ArrayList<>();
        for (String[] route : protectedRoutes()) {
            String method = route[0];
            String path = route[1];
            RawAnswer plain = raw(method, path, Map.of());
            assertThat(plain.status()).as(method + " " + path).isIn(302, 401, 403);
            for (Map.Entry<String, String> spelling : spellings(path).entrySet()) {
                RawAnswer answer = raw(method, spelling.getValue(), Map.of());
                report.add(String.format("%-4s %-62s %s", method, spelling.getValue(), answer.summary()));
                assertRefused(method + " " + spelling.getValue(), answer);
            }
        }
        System.out.println("Anonymous spellings of the protected routes:\n  " + String.join("\n  ", report));
    }

    @Test
    void noSpellingOfTheReplayLetsAViewerOrTheScraperThrough() {
        Browser viewer = signedIn("it-viewer", OperatorRole.VIEWER);
        String token = viewer.consoleToken();
        Map<String, String> asViewer = Map.of("Cookie", Browser.SESSION_COOKIE + "=" + viewer.sessionCookie().orElseThrow()
                .getValue(), "X-CSRF-TOKEN", token);
        List<String> report = new ArrayList<>();
        String replay = "/api/v1/admin/dead-letters/999999999/replay";
        assertThat(raw("POST", replay, asViewer).status()).isEqualTo(403);
        for (String spelled : spellings(replay).values()) {
            RawAnswer answer = raw("POST", spelled, asViewer);
            report.add(String.format("viewer  POST %-55s %s", spelled, answer.summary()));
            assertRefused("viewer POST " + spelled, answer);
        }
        for (String spelled : spellings(SAGAS).values()) {
            RawAnswer answer = raw("GET", spelled, AS_SCRAPER);
            report.add(String.format("scraper GET  %-55s %s", spelled, answer.summary()));
            assertRefused("scraper GET " + spelled, answer);
        }
        System.out.println("Spellings with a credential that must not reach the route:\n  " + String.join("\n  ", report));
    }

    /** Refused: a 400, 401 or 403, or a redirect to the sign-in page; never the route's answer. */
    private static void assertRefused(String what, RawAnswer answer) {
        assertThat(answer.status()).as(what + " -> " + answer.summary()).isIn(302, 400, 401, 403);
        if (answer.status() == 302) {
            assertThat(answer.header("Location")).as(what).matches(".*/login(\\?expired)?");
        }
        assertThat(answer.body()).as(what).doesNotContain("\"sagas\"", "\"deadLetters\"", "\"names\"", "\"orderId\"",
                "결제 사가 운영 콘솔");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, String> form(String username, String password, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        return fields;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    record RawAnswer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String summary() {
            String code = body.replaceAll("(?s).*\"code\":\"([A-Z_]+)\".*", "$1");
            return status + (header("Location") != null ? " -> " + header("Location").replaceFirst("^http://[^/]+", "") : "")
                    + (code.length() < 40 ? " " + code : "");
        }
    }

    /**
     * One request exactly as spelled: written by hand on a socket, so the path on the wire is {@code rawPath}, byte
     * for byte (java.net.http and URI would normalise or refuse some of these).
     */
    private RawAnswer raw(String method, String rawPath, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: application/json\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        byte[] bytes = request.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).as("the path on the wire")
                .startsWith(method + " " + rawPath + " HTTP/1.1\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, end < 0 ? response.length() : end).split("\r\n");
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    responseHeaders.putIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            head[i].substring(colon + 1).trim());
                }
            }
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), responseHeaders,
                    end < 0 ? "" : response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
