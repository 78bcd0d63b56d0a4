package com.acme.shop.chaos.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The driver's and the checker's HTTP client: JSON in and out, and a status of -1 when no answer came (refused,
 * reset, timed out), which is what a customer's browser sees when a service is down.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @param status -1 when there was no answer; {@code error} then says why */
    public record Response(int status, JsonNode body, String raw, String error) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text(String field) {
            return body == null || body.get(field) == null || body.get(field).isNull() ? null
                    : body.get(field).asString();
        }
    }

    public Response get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public Response post(String url, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(json(body))
                .header("Content-Type", "application/json"), headers);
    }

    public Response put(String url, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(json(body))
                .header("Content-Type", "application/json"), headers);
    }

    public Response delete(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        request.timeout(timeout);
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), parse(r.body()), r.body(), null);
        }
        catch (IOException e) {
            return new Response(-1, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, null, null, "interrupted");
        }
    }

    private static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        }
        catch (RuntimeException notJson) {
            return null;
        }
    }
}
