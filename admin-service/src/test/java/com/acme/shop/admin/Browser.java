package com.acme.shop.admin;

import com.acme.shop.admin.AbstractIntegrationTest.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for tests over real HTTP: keeps cookies (the session), follows no redirects (tests look at them), and
 * reads the CSRF token from the pages as a browser's form or the console's script would.
 */
public final class Browser {

    public static final String SESSION_COOKIE = "ADMIN_SESSION";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A form POST as htmx sends it: the page's CSRF token in X-CSRF-TOKEN, {@code HX-Request}, answers as problems. */
    public Answer htmxPost(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", consoleToken()).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A form POST with the fields as given (add {@code _csrf} yourself, or leave it out on purpose). */
    public Answer postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A POST as the console's script makes it: with the page's CSRF token in X-CSRF-TOKEN, no body. */
    public Answer postFromConsole(String path) {
        return post(path, Map.of("X-CSRF-TOKEN", consoleToken()));
    }

    public Answer post(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    /** Any method, no body. */
    public Answer send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    public Answer postJson(String path, Map<String, String> headers, String json) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** Signs in through the form: the sign-in page for its token and cookie, then the POST. */
    public Answer signIn(String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("_csrf", formToken(get("/login")));
        return postForm("/login", fields);
    }

    /** Signs in and checks it worked: the sign-in answers with a redirect to the console. */
    public Browser signedIn(String username, String password) {
        Answer answer = signIn(username, password);
        assertThat(answer.status()).as(username + " signs in").isEqualTo(302);
        assertThat(answer.location()).as(username + " signs in").isEqualTo("/");
        return this;
    }

    /** The console page's CSRF token (what console.js reads from {@code <meta name="_csrf">}). */
    public String consoleToken() {
        Answer page = get("/");
        assertThat(page.status()).as("the console page").isEqualTo(200);
        return match(META_TOKEN, page.body());
    }

    public static String formToken(Answer page) {
        return match(FORM_TOKEN, page.body());
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE)).findFirst();
    }

    /** Forgets every cookie, like a new browser. */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Puts a session cookie into the jar, e.g. an old one after logout. */
    public void useSession(String sessionId) {
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), contentType, response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
