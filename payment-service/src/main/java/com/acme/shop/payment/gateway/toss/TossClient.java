package com.acme.shop.payment.gateway.toss;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Toss core API over HTTP: Basic auth with {@code secretKey:}, an Idempotency-Key on every POST,
 * connect and read timeouts, and every failure turned into a {@link TossException} of the right kind.
 * Every call is timed as {@code toss.client.requests} (Prometheus {@code toss_client_requests_seconds}) by
 * {@code endpoint} (confirm, cancel, payment_by_order), {@code outcome} (success; error: Toss answered with an error,
 * see {@code code}; no_answer: timeout or reset after sending; not_sent: no connection; unreadable) and {@code code}
 * (Toss's error code, {@code none} otherwise).
 */
class TossClient {

    private static final Logger log = LoggerFactory.getLogger(TossClient.class);

    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";
    static final String PAYMENT_BY_ORDER = "payment_by_order";
    private static final Pattern TOSS_CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    /** Buckets for latency heatmaps, few enough to keep a series set per endpoint, outcome and code affordable. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final RestClient http;
    private final JsonMapper json;
    private final MeterRegistry meters;

    TossClient(RestClient.Builder builder, TossProperties properties, JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
        // the successful series of every endpoint exist from the start, so a dashboard shows 0, not "no data"
        for (String endpoint : List.of(CONFIRM, CANCEL, PAYMENT_BY_ORDER)) {
            timer(endpoint, "success", "none");
        }
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(properties.readTimeout());
        String credentials = Base64.getEncoder()
                .encodeToString((properties.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
        this.http = builder.clone()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(factory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw apiError(response);
                })
                .build();
    }

    TossWire.Payment confirm(TossWire.ConfirmRequest request, String idempotencyKey) {
        return call(CONFIRM, "confirm " + request.orderId(), () -> http.post().uri("/v1/payments/confirm")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    TossWire.Payment getByOrderId(String orderId) {
        return call(PAYMENT_BY_ORDER, "query " + orderId, () -> http.get().uri("/v1/payments/orders/{orderId}", orderId)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    TossWire.Payment cancel(String paymentKey, TossWire.CancelRequest request, String idempotencyKey) {
        return call(CANCEL, "cancel " + paymentKey, () -> http.post().uri("/v1/payments/{paymentKey}/cancel", paymentKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    private <T> T call(String endpoint, String what, Supplier<T> exchange) {
        long started = System.nanoTime();
        String outcome = "success";
        String code = "none";
        try {
            return exchange.get();
        } catch (TossException e) {
            outcome = "error";
            code = e instanceof TossApiException api && TOSS_CODE.matcher(api.code()).matches() ? api.code() : "OTHER";
            log.info("Toss {} failed: {} ({})", what, e.getMessage(), e.kind());
            throw e;
        } catch (ResourceAccessException e) {
            TossTransportException transport = transportError(e);
            outcome = transport.kind() == TossErrorKind.NOT_SENT ? "not_sent" : "no_answer";
            log.warn("Toss {} got no answer: {} ({})", what, transport.getMessage(), transport.kind());
            throw transport;
        } catch (RestClientException e) {
            // an answer we could not read (cut off mid-body, not the JSON we expect): Toss may have done the work
            TossTransportException unreadable = new TossTransportException("unreadable answer: "
                    + e.getMostSpecificCause(), TossErrorKind.OUTCOME_UNKNOWN, e);
            outcome = "unreadable";
            log.warn("Toss {} answered something we could not read: {}", what, unreadable.getMessage());
            throw unreadable;
        } finally {
            timer(endpoint, outcome, code).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Timer timer(String endpoint, String outcome, String code) {
        return Timer.builder("toss.client.requests")
                .description("Calls to the Toss API by endpoint, outcome and Toss error code")
                .tags("endpoint", endpoint, "outcome", outcome, "code", code)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }

    /** Connect failures mean the request never left; anything after that may have been processed. */
    private static TossTransportException transportError(ResourceAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new TossTransportException("connection failed: " + t, TossErrorKind.NOT_SENT, e);
            }
        }
        return new TossTransportException("no answer: " + e.getMostSpecificCause(), TossErrorKind.OUTCOME_UNKNOWN, e);
    }

    private TossApiException apiError(ClientHttpResponse response) {
        try {
            int status = response.getStatusCode().value();
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            TossWire.Error error;
            try {
                error = json.readValue(body, TossWire.Error.class);
            } catch (RuntimeException notJson) {
                error = null;
            }
            String code = error == null || error.code() == null ? "UNKNOWN_ERROR" : error.code();
            String message = error == null || error.message() == null ? body : error.message();
            return new TossApiException(status, code, message, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
