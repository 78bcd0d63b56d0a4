package com.acme.shop.admin.downstream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Calls one of the other services for the console, with admin-service's service token and the signed-in operator
 * ({@code ServiceCalls}). Every answer is one of three things:
 * <ul>
 *   <li>2xx: the body, read into the type asked for (fields the console does not know are ignored);</li>
 *   <li>4xx with a problem: {@link DownstreamProblem}, the owning service's status, code and properties with a Korean
 *       detail, which the console passes on to the operator (a refusal, never admin-service's own error);</li>
 *   <li>anything else (5xx, 401/403 from our own misconfiguration, no answer in time, not JSON):
 *       {@link ServiceUnavailable}, a 503 naming the service.</li>
 * </ul>
 */
public final class ServiceClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

    private final String service;
    private final String label;
    private final RestClient reads;
    private final RestClient actions;
    private final JsonMapper json;

    ServiceClient(String service, String label, RestClient reads, RestClient actions, JsonMapper json) {
        this.service = service;
        this.label = label;
        this.reads = reads;
        this.actions = actions;
        this.json = json;
    }

    /** The service's name, e.g. {@code payment-service}. */
    public String service() {
        return service;
    }

    public <T> T get(Class<T> type, String path, Object... variables) {
        return convert(exchange(reads, "GET", path, variables, null).body(), type);
    }

    /** A read whose query values come as named variables, each encoded whole (Korean text, {@code &}, {@code {}). */
    public <T> T get(Class<T> type, String template, java.util.Map<String, ?> variables) {
        return convert(exchange(reads, "GET", template, variables, null).body(), type);
    }

    public <T> T get(TypeReference<T> type, String path, Object... variables) {
        return json.convertValue(exchange(reads, "GET", path, variables, null).body(), type);
    }

    /** A read whose 404 means "nothing there" rather than a refusal. */
    public <T> Optional<T> find(Class<T> type, String path, Object... variables) {
        try {
            return Optional.of(get(type, path, variables));
        } catch (DownstreamProblem problem) {
            if (problem.status().value() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** An action: a POST with a JSON body (null for none), waited for longer than a read. */
    public <T> Answer<T> post(Class<T> type, Object body, String path, Object... variables) {
        Answer<JsonNode> answer = exchange(actions, "POST", path, variables, body);
        return new Answer<>(answer.status(), convert(answer.body(), type));
    }

    /** Copies a file the service serves (e.g. an .xlsx) to {@code out}; its problems as for any other call. */
    public void download(OutputStream out, String path, Object... variables) {
        try {
            actions.get().uri(path, variables).accept(MediaType.ALL).exchange((request, response) -> {
                HttpStatusCode status = response.getStatusCode();
                if (!status.is2xxSuccessful()) {
                    throw failure(status, read(response.getBody()), path);
                }
                try (InputStream in = response.getBody()) {
                    in.transferTo(out);
                }
                return null;
            }, true);
        } catch (ResourceAccessException e) {
            throw unreachable(path, e);
        }
    }

    /** A service's answer to an action: the status tells e.g. 202 (accepted now) from 200 (accepted before). */
    public record Answer<T>(int status, T body) {
    }

    @SuppressWarnings("unchecked")
    private Answer<JsonNode> exchange(RestClient client, String method, String path, Object variables, Object body) {
        try {
            RestClient.RequestBodyUriSpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method));
            RestClient.RequestBodySpec request = (variables instanceof java.util.Map<?, ?> named
                    ? spec.uri(path, (java.util.Map<String, ?>) named) : spec.uri(path, (Object[]) variables))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            }
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                JsonNode answer = read(response.getBody());
                if (!status.is2xxSuccessful()) {
                    throw failure(status, answer, path);
                }
                if (answer == null && status.value() != 204) {
                    throw new ServiceUnavailable(service, label, "응답을 읽을 수 없음 (JSON 아님)");
                }
                return new Answer<>(status.value(), answer);
            }, true);
        } catch (ResourceAccessException e) {
            throw unreachable(path, e);
        } catch (RestClientException e) {
            log.warn("{} answered {} unreadably: {}", service, path, e.getMessage());
            throw new ServiceUnavailable(service, label, "응답을 읽을 수 없음");
        }
    }

    private RuntimeException failure(HttpStatusCode status, JsonNode body, String path) {
        if (status.is4xxClientError() && status.value() != 401 && status.value() != 403 && body != null
                && body.path("code").isString()) {
            return new DownstreamProblem(service, status.value(), body);
        }
        log.warn("{} answered {} to {}: {}", service, status.value(), path, body);
        String code = body != null && body.path("code").isString() ? " " + body.path("code").asString() : "";
        return new ServiceUnavailable(service, label, "HTTP " + status.value() + code);
    }

    private ServiceUnavailable unreachable(String path, ResourceAccessException e) {
        log.warn("{} unreachable for {}: {}", service, path, e.getMessage());
        return new ServiceUnavailable(service, label, "연결할 수 없거나 응답 시간이 초과됨");
    }

    private JsonNode read(InputStream body) {
        try (body) {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return null;
            }
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private <T> T convert(JsonNode body, Class<T> type) {
        if (type == JsonNode.class || body == null) {
            return type.cast(body);
        }
        return json.treeToValue(body, type);
    }
}
