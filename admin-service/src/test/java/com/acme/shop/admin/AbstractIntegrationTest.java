package com.acme.shop.admin;

import com.acme.shop.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Base of every integration test: one Spring context (same properties everywhere, so it is cached and
 * shared), the real MariaDB/MySQL and Kafka from test-support, and stubs for the services the overview
 * asks: payment- and order-service answer from {@link #SERVICES}; settlement-service is down for the
 * whole run (its URL points at a port nothing listens on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=admin-service")
public abstract class AbstractIntegrationTest {

    protected static final DownstreamStub SERVICES = DownstreamStub.start();
    protected static final int SETTLEMENT_DEAD_PORT = DownstreamStub.deadPort();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "admin_service");
        registry.add("shop.services.payment-url", SERVICES::baseUrl);
        registry.add("shop.services.order-url", SERVICES::baseUrl);
        registry.add("shop.services.settlement-url", () -> "http://127.0.0.1:" + SETTLEMENT_DEAD_PORT);
    }

    /** An answer of admin-service's API. {@code json} is null when the body is not JSON. */
    protected record Answer(int status, String contentType, String body, JsonNode json) {
    }

    protected Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    /** A POST with a JSON body. */
    protected Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), contentType, response.body(), json);
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
