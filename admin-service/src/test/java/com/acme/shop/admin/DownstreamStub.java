package com.acme.shop.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP server standing in for payment-, order- and settlement-service: answers are set per path;
 * a path nobody set answers 404 with a problem body, as the real services do.
 */
public final class DownstreamStub implements AutoCloseable {

    private HttpServer server;
    private final int port;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<Request, Reply>> dynamic = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released on close, so a handler that hangs on purpose never outlives the test. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private DownstreamStub(int port) {
        this.port = port;
    }

    public static DownstreamStub start() {
        DownstreamStub stub = new DownstreamStub(deadPort());
        stub.up();
        return stub;
    }

    /** Stops listening: a connection to the stub's port is refused until {@link #up}, as with a service that is down. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens (again) on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            started.createContext("/", this::handle);
            started.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            started.start();
            server = started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on (taken and released at once): connecting to it is refused. */
    public static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void reply(String path, Reply reply) {
        dynamic.remove(path);
        replies.put(path, reply);
    }

    /** Answers requests for {@code path} (any query) with what {@code replier} makes of each. */
    public void reply(String path, java.util.function.Function<Request, Reply> replier) {
        dynamic.put(path, replier);
    }

    /** Paths asked for, in arrival order. */
    public List<String> requested() {
        return requests.stream().map(Request::path).toList();
    }

    /** The requests for {@code path}, with the headers they came with, in arrival order. */
    public List<Request> requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every request, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** One request as it arrived: method, raw path, the first value of each header (names lower-case) and the body. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {

        /** The decoded values of a query parameter, in order. */
        public List<String> param(String name) {
            if (query == null) {
                return List.of();
            }
            return java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                    .filter(p -> java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8).equals(name))
                    .map(p -> p.length < 2 ? "" : java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)).toList();
        }


        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), path, query, Map.copyOf(headers), requestBody);
        requests.add(request);
        Reply reply = dynamic.containsKey(path) ? dynamic.get(path).apply(request) : replies.getOrDefault(path,
                Reply.status(404, "{\"title\":\"Not Found\",\"status\":404,\"code\":\"NOT_FOUND\"}",
                        "application/problem+json"));
        if (reply.hang() != null) {
            try {
                closing.await(reply.hang().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        down();
    }

    /** @param hang how long to hold the answer back, null for at once */
    public record Reply(int status, String body, String contentType, Duration hang) {

        public static Reply json(String body) {
            return new Reply(200, body, "application/json", null);
        }

        public static Reply status(int status, String body, String contentType) {
            return new Reply(status, body, contentType, null);
        }

        public static Reply slow(Duration hang, String body) {
            return new Reply(200, body, "application/json", hang);
        }
    }
}
