package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.acme.shop.sandbox.api.TossTime;
import com.acme.shop.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Base for the sandbox's HTTP-level tests: the real server on a random port, called with {@link HttpClient} (which
 * does not follow redirects, so window redirects can be asserted). All subclasses share one application context;
 * every test uses fresh orderIds, and global switches (faults, settings) are reset after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sandbox.secret-keys=" + SandboxIntegrationTest.SECRET_KEY + "," + SandboxIntegrationTest.LIVE_SECRET_KEY)
@Import(SandboxIntegrationTest.TestClock.class)
abstract class SandboxIntegrationTest {

    static final String SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";

    static final String LIVE_SECRET_KEY = "live_sk_sandboxLiveKey0000000000";

    static final String CLIENT_KEY = "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq";

    static final String AUTHORIZATION = basic(SECRET_KEY + ":");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void resetSandboxSwitches() throws Exception {
        send(HttpRequest.newBuilder(uri("/sandbox/faults")).DELETE());
        put("/sandbox/settings", "{\"replayStoredErrors\":true,\"defaultLatencyMs\":0}");
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    Response post(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postForm(String path, String form) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    /** Creates an IN_PROGRESS payment as if the customer had authenticated in the window. */
    Created createPayment(long amount) throws IOException, InterruptedException {
        return createPayment(amount, "카드");
    }

    Created createPayment(long amount, String method) throws IOException, InterruptedException {
        String orderId = newOrderId();
        Response created = post("/sandbox/payments", """
                {"orderId":"%s","amount":%d,"orderName":"토스 티셔츠 외 2건","method":"%s"}"""
            .formatted(orderId, amount, method));
        assertThat(created.status()).isEqualTo(200);
        return new Created(created.json().get("paymentKey").asString(), orderId, amount);
    }

    Response confirm(Created payment, String... headers) throws IOException, InterruptedException {
        return post("/v1/payments/confirm", confirmBody(payment), withAuth(headers));
    }

    static String confirmBody(Created payment) {
        return """
                {"paymentKey":"%s","orderId":"%s","amount":%d}""".formatted(payment.paymentKey(), payment.orderId(),
                payment.amount());
    }

    Response cancel(String paymentKey, String json, String... headers) throws IOException, InterruptedException {
        return post("/v1/payments/" + paymentKey + "/cancel", json, withAuth(headers));
    }

    /** The stored payment, read through the sandbox-only endpoint (not logged, not faulted). */
    JsonNode stored(String paymentKey) throws IOException, InterruptedException {
        Response response = get("/sandbox/payments/" + paymentKey);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    static String[] withAuth(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = AUTHORIZATION;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    record Created(String paymentKey, String orderId, long amount) {
    }

    record Response(int status, String contentType, String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String code() {
            return json().get("code").asString();
        }

    }

    /** Imported rather than annotated, so component scanning in {@link EmbeddedStartIT} does not pick it up. */
    static class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now(), TossTime.ZONE);
        }

    }

}
