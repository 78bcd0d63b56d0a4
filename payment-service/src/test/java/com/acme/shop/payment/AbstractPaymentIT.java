package com.acme.shop.payment;

import com.acme.shop.contracts.Topics;
import com.acme.shop.sandbox.TossSandboxApplication;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * payment-service against real infrastructure: a real MariaDB/MySQL, a real Kafka broker, and the Toss
 * sandbox running as a separate Spring application on its own port (our stand-in for Toss). The
 * catalog (order-service's quote endpoint) is a small HTTP stub with a fixed price list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=payment-service", "shop.jobs.refund.initial-backoff=200ms",
                "shop.jobs.refund.max-attempts=4", "shop.jobs.refund.sweep-interval=200ms",
                "payment.toss.read-timeout=3s", "payment.confirm.stale-after=6s",
                // the breaker is exercised in its own context (ResilienceIT); here injected 5xx must not open it
                "resilience4j.circuitbreaker.configs.toss.sliding-window-size=1000",
                "resilience4j.circuitbreaker.configs.toss.minimum-number-of-calls=1000",
                "shop.jobs.confirm-recovery.initial-backoff=300ms", "shop.jobs.confirm-recovery.max-attempts=4",
                "shop.jobs.confirm-recovery.sweep-interval=200ms", "shop.jobs.confirm-recovery.lease=20s",
                "payment.expiry-sweep-interval=500ms",
                "shop.jobs.webhook.sweep-interval=200ms", "shop.jobs.webhook.initial-backoff=200ms",
                "shop.jobs.deposit-deadline.sweep-interval=200ms", "shop.jobs.deposit-deadline.initial-backoff=200ms"})
public abstract class AbstractPaymentIT {

    public static final ConfigurableApplicationContext SANDBOX = new SpringApplicationBuilder(TossSandboxApplication.class)
            .run("--server.port=0");
    public static final String SANDBOX_URL = "http://127.0.0.1:" + SANDBOX.getEnvironment().getProperty("local.server.port");
    static final HttpServer CATALOG = catalogStub();
    protected static final TopicRecorder EVENTS = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
            List.of(Topics.PAYMENT_EVENTS));

    /** The checkout token of every checkout this JVM made, by orderId: what the storefront page keeps. */
    static final Map<String, String> CHECKOUT_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Prices of the stub catalog; "SOLD-OUT" is always out of stock. */
    static final Map<String, Long> PRICES = Map.of("TSHIRT", 15_000L, "MUG", 9_000L, "STICKER", 3_000L);

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment_service");
        registry.add("payment.toss.base-url", () -> SANDBOX_URL);
        registry.add("shop.services.order-url", AbstractPaymentIT::catalogUrl);
        registry.add("shop.services.settlement-url", AbstractPaymentIT::catalogUrl);
    }

    /** The stub catalog (order-service's quote endpoint). */
    public static String catalogUrl() {
        return "http://127.0.0.1:" + CATALOG.getAddress().getPort();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A checkout of the given items as {productId, quantity} pairs; returns the response body. */
    protected JsonNode checkout(Object... productAndQuantity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add(Map.of("productId", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        Http.Response r = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "customer-1", "items", items));
        if (r.status() != 201) {
            throw new AssertionError("checkout failed: " + r.status() + " " + r.raw());
        }
        return remember(r.body());
    }

    /** Keeps a checkout's token, as the storefront page does; returns the checkout. */
    public static JsonNode remember(JsonNode checkout) {
        CHECKOUT_TOKENS.put(checkout.get("orderId").asString(), checkout.get("checkoutToken").asString());
        return checkout;
    }

    /** The header the customer who checked out presents ({@code X-Checkout-Token}). */
    public static Map<String, String> holderOf(String orderId) {
        String token = CHECKOUT_TOKENS.get(orderId);
        return token == null ? Map.of() : Map.of("X-Checkout-Token", token);
    }

    /** Plays the customer in the sandbox's payment window: returns the paymentKey Toss would hand to successUrl. */
    public static String authenticateAtSandbox(JsonNode checkout) {
        Http.Response r = Http.post(SANDBOX_URL + "/sandbox/payments", Map.of("orderId", checkout.get("orderId").asString(),
                "amount", checkout.get("amount").asLong(), "orderName", checkout.get("orderName").asString(),
                "method", "카드"));
        if (r.status() != 200) {
            throw new AssertionError("sandbox payment failed: " + r.status() + " " + r.raw());
        }
        return r.body().get("paymentKey").asString();
    }

    /** A confirm by the customer who checked out (with the checkout's token). */
    protected Http.Response confirm(String paymentKey, String orderId, long amount) {
        return Http.post(url("/api/v1/payments/confirm"), Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount),
                holderOf(orderId));
    }

    /** Calls the sandbox received for one order and path fragment ("confirm", "cancel"). */
    public static List<JsonNode> sandboxCalls(String orderOrPaymentKey, String pathPart) {
        List<JsonNode> calls = new ArrayList<>();
        for (String param : List.of("orderId", "paymentKey")) {
            Http.get(SANDBOX_URL + "/sandbox/calls?" + param + "=" + orderOrPaymentKey).body().forEach(c -> {
                if (c.get("method").asString().equals("POST") && c.get("path").asString().contains(pathPart)) {
                    calls.add(c);
                }
            });
        }
        return calls;
    }

    public static JsonNode sandboxPayment(String paymentKey) {
        return Http.get(SANDBOX_URL + "/sandbox/payments/" + paymentKey).body();
    }

    protected static void sandboxFault(Map<String, Object> fault) {
        Http.Response r = Http.post(SANDBOX_URL + "/sandbox/faults", fault);
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("fault not accepted: " + r.status() + " " + r.raw());
        }
    }

    /** Calls Toss's (the sandbox's) own API as the merchant, bypassing payment-service. */
    protected static Http.Response tossApi(String path, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R:".getBytes(StandardCharsets.UTF_8)));
        return Http.post(SANDBOX_URL + path, body, headers);
    }

    private static HttpServer catalogStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/quotes", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                JsonNode request = Http.JSON.readTree(exchange.getRequestBody());
                int status = 200;
                String body;
                if (!("Bearer " + TestInfrastructure.SERVICE_TOKEN).equals(authorization)) {
                    status = 401;
                    body = "{\"code\":\"INTERNAL_AUTH_REQUIRED\"}";
                } else {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    long total = 0;
                    String problem = null;
                    for (JsonNode item : request.get("items")) {
                        String id = item.get("productId").asString();
                        int quantity = item.get("quantity").asInt();
                        if (id.equals("SOLD-OUT")) {
                            problem = "{\"code\":\"OUT_OF_STOCK\",\"detail\":\"재고 부족\",\"status\":409}";
                            status = 409;
                        } else if (!PRICES.containsKey(id)) {
                            problem = "{\"code\":\"PRODUCT_NOT_FOUND\",\"detail\":\"없는 상품\",\"status\":404}";
                            status = 404;
                        } else {
                            lines.add(Map.of("productId", id, "productName", id + " 상품", "quantity", quantity,
                                    "unitPrice", PRICES.get(id), "lineAmount", PRICES.get(id) * quantity));
                            total += PRICES.get(id) * quantity;
                        }
                    }
                    String name = lines.isEmpty() ? "" : lines.getFirst().get("productName")
                            + (lines.size() > 1 ? " 외 " + (lines.size() - 1) + "건" : "");
                    body = problem != null ? problem
                            : Http.JSON.writeValueAsString(Map.of("items", lines, "totalAmount", total, "orderName", name));
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
