package com.acme.shop.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's webhook endpoint for the tests: records every POST (headers, body, arrival time) and answers what
 * {@link #answer} says, after an optional delay. Requests are handled concurrently.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final AtomicInteger calls = new AtomicInteger();

    private volatile Function<Integer, Answer> answers = call -> Answer.ok();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        server.createContext("/webhooks/toss", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/toss";
    }

    /** What to answer to the n-th call (1-based). */
    void answer(Function<Integer, Answer> answers) {
        this.answers = answers;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Calls whose body mentions this orderId, in arrival order. */
    List<Received> receivedFor(String orderId) {
        return received.stream().filter(r -> r.body().contains("\"" + orderId + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int call = calls.incrementAndGet();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()),
                        (a, b) -> a));
            received.add(new Received(exchange.getRequestMethod(), headers, body, System.nanoTime()));
            Answer answer = answers.apply(call);
            if (answer.delayMs() > 0) {
                Thread.sleep(answer.delayMs()); // a slow merchant endpoint, not a test wait
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        catch (IOException clientGone) {
            // the sandbox gave up waiting (timeout); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    record Answer(int status, long delayMs) {

        static Answer ok() {
            return new Answer(200, 0);
        }

        static Answer status(int status) {
            return new Answer(status, 0);
        }

    }

    record Received(String method, Map<String, String> headers, String body, long atNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            return SandboxIntegrationTest.JSON.readTree(body);
        }

        /** PAYMENT_STATUS_CHANGED's eventType, or DEPOSIT_CALLBACK for the flat body without one. */
        String eventType() {
            JsonNode type = json().get("eventType");
            return type == null ? "DEPOSIT_CALLBACK" : type.asString();
        }

        /** The payment status the webhook reports. */
        String status() {
            JsonNode json = json();
            return json.has("data") ? json.get("data").get("status").asString() : json.get("status").asString();
        }

    }

}
