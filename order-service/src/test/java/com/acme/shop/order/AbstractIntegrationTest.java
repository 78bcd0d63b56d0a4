package com.acme.shop.order;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.Topics;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One Spring context for every IT of this module (same annotations and properties, nothing mocked), against
 * the real MariaDB/MySQL server and Kafka broker from test-support. Tests create their own products and
 * order ids so they neither depend on nor disturb each other; {@link FaultInjection} arms its faults per
 * product or order for the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=order-service")
@Import(FaultInjection.Config.class)
public abstract class AbstractIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TopicRecorder recorder;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "order_service");
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    @Autowired
    protected Clock clock;

    @Autowired
    protected FaultInjection faults;

    /** Everything on order.events and payment.events.DLT since the broker started. */
    protected static synchronized TopicRecorder recorder() {
        if (recorder == null) {
            recorder = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
                    List.of(Topics.ORDER_EVENTS, Topics.deadLetterOf(Topics.PAYMENT_EVENTS)));
        }
        return recorder;
    }

    @BeforeEach
    void startRecording() {
        recorder();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------

    protected record Response(int status, String contentType, JsonNode body) {
        public String code() {
            return body.path("code").asString();
        }
    }

    /** An anonymous GET, as the storefront reads the catalog. */
    protected Response get(String path) {
        return execute(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET from another service of ours (the service token), as payment-service and admin-service read orders. */
    protected Response asService(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        Http.AS_SERVICE.forEach(request::header);
        return execute(request);
    }

    /** A call to {@code /internal/**} with the service credential. */
    protected Response internal(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        Http.AS_SERVICE.forEach(request::header);
        return execute(withBody(request, method, json));
    }

    protected Response unauthenticated(String method, String path, String json) {
        return execute(withBody(HttpRequest.newBuilder(uri(path)), method, json));
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, String json) {
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    }

    private static Response execute(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** Where the service under test listens, for the raw clients of test-support's security kit. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    // ---- fixtures ---------------------------------------------------------------------------------------

    /** A fresh product of this test's own, sellable, with the given price and stock. */
    protected String newProduct(String name, long price, int stock) {
        return newProduct("IT-", name, price, stock, true);
    }

    protected String newProduct(String idPrefix, String name, long price, int stock, boolean sellable) {
        String id = idPrefix + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        jdbc.update("INSERT INTO product (product_id, name, price, stock, sellable, version) VALUES (?, ?, ?, ?, ?, 0)",
                id, name, price, stock, sellable);
        return id;
    }

    protected int stockOf(String productId) {
        return jdbc.queryForObject("SELECT stock FROM product WHERE product_id = ?", Integer.class, productId);
    }

    protected static String newOrderId() {
        return "it_" + UUID.randomUUID().toString().replace("-", "");
    }

    protected EventEnvelope<PaymentApproved> approved(String orderId, List<LineItem> items) {
        long total = items.stream().mapToLong(LineItem::lineAmount).sum();
        PaymentApproved payload = new PaymentApproved(orderId, "pk_" + orderId, "customer-it", "테스트 주문", "카드",
                null, total, "KRW", "tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                clock.instant(), items);
        return EventEnvelope.of(payload, clock.instant());
    }

    protected EventEnvelope<PaymentCanceled> canceled(String orderId, long totalAmount, long cancelAmount,
                                                      long balanceAmount, CancelCause cause) {
        PaymentCanceled payload = new PaymentCanceled(orderId, "pk_" + orderId, "카드", totalAmount, cancelAmount,
                balanceAmount, "tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                "테스트 환불", cause, clock.instant());
        return EventEnvelope.of(payload, clock.instant());
    }

    /** Sends a raw value to payment.events, keyed like the producers do, and waits for the broker's ack. */
    protected void publish(String key, String value) {
        try {
            kafka.send(Topics.PAYMENT_EVENTS, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void publish(EventEnvelope<?> event) {
        publish(event.orderId(), codec.encode(event));
    }

    protected JsonNode order(String orderId) {
        Response response = asService("/api/v1/orders/" + orderId);
        if (response.status() != 200) {
            throw new AssertionError("GET order " + orderId + " answered " + response.status() + " " + response.body());
        }
        return response.body();
    }

    protected String orderStatus(String orderId) {
        List<String> status = jdbc.queryForList("SELECT status FROM orders WHERE order_id = ?", String.class, orderId);
        return status.isEmpty() ? null : status.getFirst();
    }
}
