package com.acme.shop.admin;

import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.admin.operator.TestOperators;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.MutableClock;
import com.acme.shop.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Base of every integration test: one Spring context (same properties everywhere, so it is cached and
 * shared), the real MariaDB/MySQL and Kafka from test-support, and stubs for the services the console
 * asks: payment- and order-service answer from {@link #SERVICES}, settlement-service from {@link #SETTLEMENT}
 * (which a test can take down and bring back).
 *
 * <p>admin-service runs as in production (no local profile): the service token from test-support, the first ADMIN
 * from the bootstrap configuration ({@link #ADMIN}), and time from a {@link MutableClock} that tests may move.
 * {@link #get} reads the API as another service does (service token); {@link #signedIn} gives a browser with a
 * signed-in session for an account of the given role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=admin-service")
@Import(AbstractIntegrationTest.TestClock.class)
public abstract class AbstractIntegrationTest {

    /** The first ADMIN, created by the bootstrap at start-up. */
    protected static final String ADMIN = "it-admin";
    protected static final String ADMIN_PASSWORD = "it-admin-password-0123";

    protected static final DownstreamStub SERVICES = DownstreamStub.start();
    /** settlement-service: answers what tests set; {@link DownstreamStub#down} makes it a service that is down. */
    protected static final DownstreamStub SETTLEMENT = DownstreamStub.start();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected MutableClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        MutableClock testClock() {
            // whole milliseconds: what the database keeps (DATETIME(6)) reads back equal
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "admin_service");
        registry.add("shop.admin.bootstrap.username", () -> ADMIN);
        registry.add("shop.admin.bootstrap.password", () -> ADMIN_PASSWORD);
        registry.add("shop.services.payment-url", SERVICES::baseUrl);
        registry.add("shop.services.order-url", SERVICES::baseUrl);
        registry.add("shop.services.settlement-url", SETTLEMENT::baseUrl);
    }

    /** An answer of admin-service. {@code json} is null when the body is not JSON. */
    public record Answer(int status, String contentType, String body, JsonNode json, HttpHeaders headers) {

        /** The Location header, without scheme and host when it points at admin-service itself. */
        public String location() {
            return headers.firstValue("Location").map(l -> l.replaceFirst("^http://[^/]+", "")).orElse(null);
        }
    }

    /** A read as another service makes it: with the service token. */
    protected Answer get(String path) {
        return get(path, Http.AS_SERVICE);
    }

    protected Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A browser with a signed-in session of an account holding {@code roles} (created if missing). */
    protected Browser signedIn(String username, OperatorRole... roles) {
        TestOperators.ensure(context, username, roles);
        return new Browser(port).signedIn(username, TestOperators.PASSWORD);
    }

    /** A browser signed in as an OPERATOR, who may replay dead letters. */
    protected Browser operator() {
        return signedIn("it-operator", OperatorRole.OPERATOR);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), contentType, response.body(), json, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record as a producing service would (key = orderId) and waits for the broker's ack. */
    protected static void publish(String topic, String key, String value) {
        publish(new ProducerRecord<>(topic, key, value));
    }

    /** Sends one record, headers and all, and waits for the broker's ack. */
    protected static void publish(ProducerRecord<String, String> record) {
        String topic = record.topic();
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
