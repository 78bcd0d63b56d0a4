package com.acme.shop.admin.console;

import com.acme.shop.admin.downstream.ServicesProperties;
import com.acme.shop.platform.security.ServiceCalls;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Puts together what payment-, order- and settlement-service know about one order. The three calls run in
 * parallel with short timeouts, and each answer stands alone: a service that is down or failing leaves
 * its part null and says why in {@code errors}, so one bad service never breaks the console page. A 404
 * is an answer (the service has nothing for this order yet), not an error.
 *
 * <p>Every call goes through the platform's {@link ServiceCalls}: admin-service's service token, and the signed-in
 * operator in {@code X-Operator} for the other service's audit. The calls run on their own threads, which get the
 * caller's security context handed over, so the operator is named there too.
 */
@Service
class OrderOverviewService {

    private static final Logger log = LoggerFactory.getLogger(OrderOverviewService.class);

    static final String PAYMENT = "payment-service";
    static final String ORDER = "order-service";
    static final String SETTLEMENT = "settlement-service";

    private final ServicesProperties properties;
    private final HttpClient httpClient;
    private final Downstream payment;
    private final Downstream order;
    private final Downstream settlement;
    private final ServiceCalls serviceCalls;
    /** Each task runs with the security context of the thread that submitted it (the operator's request). */
    private final ExecutorService calls = new DelegatingSecurityContextExecutorService(
            Executors.newVirtualThreadPerTaskExecutor());

    /** Calls are observed: they carry the W3C trace context and show in http_client_requests_seconds. */
    private final ObservationRegistry observations;

    OrderOverviewService(ServicesProperties properties, ServiceCalls serviceCalls, ObservationRegistry observations) {
        this.observations = observations;
        this.properties = properties;
        this.serviceCalls = serviceCalls;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.payment = new Downstream(PAYMENT, client(properties.paymentUrl()), "/api/v1/payments/{orderId}");
        this.order = new Downstream(ORDER, client(properties.orderUrl()), "/api/v1/orders/{orderId}");
        this.settlement = new Downstream(SETTLEMENT, client(properties.settlementUrl()),
                "/api/v1/settlements/payments/{orderId}");
    }

    private RestClient client(URI baseUrl) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory).requestInterceptor(serviceCalls)
                .observationRegistry(observations).build();
    }

    OrderOverview overview(String orderId) {
        CompletableFuture<Answer> paymentCall = CompletableFuture.supplyAsync(() -> fetch(payment, orderId), calls);
        CompletableFuture<Answer> orderCall = CompletableFuture.supplyAsync(() -> fetch(order, orderId), calls);
        CompletableFuture<Answer> settlementCall = CompletableFuture.supplyAsync(() -> fetch(settlement, orderId), calls);
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode paymentJson = paymentCall.join().into(PAYMENT, errors);
        JsonNode orderJson = orderCall.join().into(ORDER, errors);
        JsonNode settlementJson = settlementCall.join().into(SETTLEMENT, errors);
        return new OrderOverview(orderId, paymentJson, orderJson, settlementJson, errors);
    }

    private Answer fetch(Downstream downstream, String orderId) {
        try {
            Answer answer = downstream.client().get().uri(downstream.path(), orderId)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == 404) {
                            return new Answer.Absent();
                        }
                        if (!status.is2xxSuccessful()) {
                            return new Answer.Failed("HTTP " + status.value() + problemCode(response));
                        }
                        JsonNode body = response.bodyTo(JsonNode.class);
                        return body == null || body.isNull() ? new Answer.Failed("빈 응답") : new Answer.Found(body);
                    });
            if (answer instanceof Answer.Failed failed) {
                log.warn("Order overview: {} answered {} for order {}", downstream.service(), failed.message(), orderId);
            }
            return answer;
        } catch (ResourceAccessException e) {
            String message = describe(e);
            log.warn("Order overview: {} unreachable for order {}: {}", downstream.service(), orderId, message);
            return new Answer.Failed(message);
        } catch (RestClientException e) {
            log.warn("Order overview: unreadable answer from {} for order {}: {}", downstream.service(), orderId,
                    e.getMessage());
            return new Answer.Failed("응답을 읽을 수 없음 (JSON 아님)");
        }
    }

    /** The stable {@code code} of a problem+json answer, when there is one. */
    private static String problemCode(ConvertibleClientHttpResponse response) {
        try {
            JsonNode body = response.bodyTo(JsonNode.class);
            return body != null && body.path("code").isString() ? " " + body.path("code").asString() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String describe(ResourceAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "연결 시간 초과 (" + properties.connectTimeout().toMillis() + "ms)";
            }
            if (cause instanceof HttpTimeoutException) {
                return "응답 시간 초과 (" + properties.readTimeout().toMillis() + "ms)";
            }
            if (cause instanceof ConnectException) {
                return "연결 실패: 서비스가 응답하지 않음";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "통신 오류: " + root.getClass().getSimpleName();
    }

    @PreDestroy
    void close() {
        calls.close();
        httpClient.close();
    }

    private record Downstream(String service, RestClient client, String path) {
    }

    /** One service's answer for the order. */
    private sealed interface Answer {

        /** The body, or null after recording why there is none in {@code errors}. */
        JsonNode into(String service, Map<String, String> errors);

        record Found(JsonNode body) implements Answer {
            @Override
            public JsonNode into(String service, Map<String, String> errors) {
                return body;
            }
        }

        /** 404: the service knows nothing of this order (yet). Not an error. */
        record Absent() implements Answer {
            @Override
            public JsonNode into(String service, Map<String, String> errors) {
                return null;
            }
        }

        record Failed(String message) implements Answer {
            @Override
            public JsonNode into(String service, Map<String, String> errors) {
                errors.put(service, message);
                return null;
            }
        }
    }

    /**
     * @param payment    payment-service's view of the payment, null when absent or unavailable
     * @param order      order-service's order, null when absent or unavailable
     * @param settlement settlement-service's entries for the payment, null when absent or unavailable
     * @param errors     why a service gave no answer, by service name; empty when all answered
     */
    record OrderOverview(String orderId, JsonNode payment, JsonNode order, JsonNode settlement,
                         Map<String, String> errors) {

        OrderOverview {
            errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }
    }
}
