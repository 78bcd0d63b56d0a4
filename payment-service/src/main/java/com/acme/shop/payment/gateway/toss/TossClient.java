package com.acme.shop.payment.gateway.toss;

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
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The Toss core API over HTTP: Basic auth with {@code secretKey:}, an Idempotency-Key on every POST,
 * connect and read timeouts, and every failure turned into a {@link TossException} of the right kind.
 */
class TossClient {

    private static final Logger log = LoggerFactory.getLogger(TossClient.class);

    private final RestClient http;
    private final JsonMapper json;

    TossClient(RestClient.Builder builder, TossProperties properties, JsonMapper json) {
        this.json = json;
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
        return call("confirm " + request.orderId(), () -> http.post().uri("/v1/payments/confirm")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    TossWire.Payment getByOrderId(String orderId) {
        return call("query " + orderId, () -> http.get().uri("/v1/payments/orders/{orderId}", orderId)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    TossWire.Payment cancel(String paymentKey, TossWire.CancelRequest request, String idempotencyKey) {
        return call("cancel " + paymentKey, () -> http.post().uri("/v1/payments/{paymentKey}/cancel", paymentKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(TossWire.Payment.class));
    }

    private <T> T call(String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (TossException e) {
            log.info("Toss {} failed: {} ({})", what, e.getMessage(), e.kind());
            throw e;
        } catch (ResourceAccessException e) {
            TossTransportException transport = transportError(e);
            log.warn("Toss {} got no answer: {} ({})", what, transport.getMessage(), transport.kind());
            throw transport;
        } catch (RestClientException e) {
            // an answer we could not read (cut off mid-body, not the JSON we expect): Toss may have done the work
            TossTransportException unreadable = new TossTransportException("unreadable answer: "
                    + e.getMostSpecificCause(), TossErrorKind.OUTCOME_UNKNOWN, e);
            log.warn("Toss {} answered something we could not read: {}", what, unreadable.getMessage());
            throw unreadable;
        }
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
