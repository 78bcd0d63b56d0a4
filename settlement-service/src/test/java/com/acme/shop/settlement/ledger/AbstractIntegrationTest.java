package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.Topics;
import com.acme.shop.settlement.SettlementServiceApplication;
import com.acme.shop.sandbox.TossSandboxApplication;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.MutableClock;
import com.acme.shop.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every IT of the service (same class, same properties): the real application on a random
 * port against the shared MariaDB/MySQL server and Kafka broker from test-support. Tests isolate themselves by
 * using fresh order ids and, for date totals, sales dates no other test uses.
 */
@SpringBootTest(classes = SettlementServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=settlement-service")
public abstract class AbstractIntegrationTest {

    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The sandbox's clock: tests move it to the day they sell on, then past it (Toss lists rows from D+1). */
    protected static final MutableClock SANDBOX_CLOCK = new MutableClock(Instant.now());

    /**
     * The Toss sandbox in this JVM, as payment-service's tests run it; its clock replaced by {@link #SANDBOX_CLOCK}.
     * Spring Security is on this classpath for settlement-service; the sandbox, like Toss, checks its Basic secret
     * key itself, so the security auto-configurations (the platform's and Spring Boot's) are not applied to it.
     */
    protected static final ConfigurableApplicationContext SANDBOX = new SpringApplicationBuilder(
            TossSandboxApplication.class)
            .initializers(context -> ((GenericApplicationContext) context).registerBean("movableSandboxClock",
                    Clock.class, () -> SANDBOX_CLOCK, definition -> definition.setPrimary(true)))
            .properties("spring.autoconfigure.exclude=" + String.join(",",
                    "com.acme.shop.platform.security.SecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"))
            .run("--server.port=0");
    protected static final String SANDBOX_URL = "http://127.0.0.1:"
            + SANDBOX.getEnvironment().getProperty("local.server.port");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "settlement_service");
        registry.add("settlement.toss.base-url", () -> SANDBOX_URL);
        registry.add("settlement.reconciliation.cron", () -> "-");
        registry.add("settlement.export.jobs.directory", () -> "target/settlement-exports-it");
        registry.add("settlement.export.jobs.progress-interval", () -> "100ms");
        registry.add("shop.jobs.settlement-export.initial-backoff", () -> "300ms");
        registry.add("shop.jobs.settlement-export.max-backoff", () -> "1s");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    @Autowired
    protected javax.sql.DataSource dataSource;

    /** Publishes an event as payment-service would: JSON value, key = orderId. */
    protected void publish(EventEnvelope<?> event) {
        publishRaw(event.orderId(), codec.encode(event));
    }

    protected void publishRaw(String key, String value) {
        try {
            kafka.send(Topics.PAYMENT_EVENTS, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.PAYMENT_EVENTS, e);
        }
    }

    public record Response(int status, String contentType, JsonNode body) {
    }

    /** A GET as admin-service or payment-service make it: with the service token (every route here needs it). */
    protected Response get(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET();
        Http.AS_SERVICE.forEach(builder::header);
        return send(builder.build());
    }

    /** A POST with a JSON body as admin-service makes it: the service token, and the operator it acts for if any. */
    protected Response post(String path, String json, String operator) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        Http.AS_SERVICE.forEach(builder::header);
        if (operator != null) {
            builder.header("X-Operator", operator);
        }
        return send(builder.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a file (the service token), whatever its type. */
    protected HttpResponse<byte[]> downloadFile(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET();
        Http.AS_SERVICE.forEach(builder::header);
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the service under test listens, for the raw clients of test-support's security kit. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected Response settlementOf(String orderId) {
        return get("/api/v1/settlements/payments/" + orderId);
    }

    /** Waits until the order's settlement has {@code entries} entries, then runs further assertions on it. */
    protected JsonNode awaitSettlement(String orderId, int entries, Consumer<JsonNode> assertions) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response response = settlementOf(orderId);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("entries").size()).isEqualTo(entries);
            last[0] = response.body();
        });
        assertions.accept(last[0]);
        return last[0];
    }
}
