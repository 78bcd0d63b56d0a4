package com.acme.shop.settlement.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Toss's settlement rows: {@code GET /v1/settlements} with Basic auth, page by page. Built on Spring Boot's
 * {@link RestClient.Builder}, so each call carries the W3C trace context and is observed; each page is also timed as
 * {@code toss.client.requests} with {@code endpoint=settlements} (docs/observability.md).
 */
@Component
class TossSettlementClient {

    /** Guards against a server that never returns a short page. */
    private static final int MAX_PAGES = 10_000;
    private static final ParameterizedTypeReference<List<TossSettlementRow>> ROWS = new ParameterizedTypeReference<>() {
    };

    private static final String ENDPOINT = "settlements";
    private static final Pattern TOSS_CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final RestClient http;
    private final int pageSize;
    private final MeterRegistry meters;
    private final JsonMapper json;

    TossSettlementClient(TossSettlementProperties properties, RestClient.Builder builder, MeterRegistry meters,
                         JsonMapper json) {
        this.meters = meters;
        this.json = json;
        timer("success", "none");
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((properties.secretKey() + ":").getBytes(StandardCharsets.UTF_8)))
                .build();
        this.pageSize = properties.pageSize();
    }

    /** Every row Toss lists for the sales date ({@code dateType=soldDate}). */
    List<TossSettlementRow> soldOn(LocalDate date) {
        List<TossSettlementRow> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<TossSettlementRow> rows = page(date, page);
            all.addAll(rows);
            if (rows.size() < pageSize) {
                return all;
            }
        }
        throw new TossUnavailableException("Toss returned more than " + MAX_PAGES + " pages for " + date, null);
    }

    private List<TossSettlementRow> page(LocalDate date, int page) {
        long started = System.nanoTime();
        String outcome = "success";
        String code = "none";
        try {
            List<TossSettlementRow> rows = http.get()
                    .uri(uri -> uri.path("/v1/settlements")
                            .queryParam("startDate", date)
                            .queryParam("endDate", date)
                            .queryParam("dateType", "soldDate")
                            .queryParam("page", page)
                            .queryParam("size", pageSize)
                            .build())
                    .retrieve()
                    .body(ROWS);
            return rows == null ? List.of() : rows;
        } catch (RestClientException e) {
            if (e instanceof RestClientResponseException answered) {
                outcome = "error";
                code = tossCode(answered);
            } else {
                outcome = "no_answer";
            }
            throw new TossUnavailableException("GET /v1/settlements for " + date + " (page " + page + ") failed: "
                    + e.getMessage(), e);
        } finally {
            timer(outcome, code).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Toss's error code from an error answer ({@code {"code": ..., "message": ...}}), or OTHER. */
    private String tossCode(RestClientResponseException answered) {
        try {
            JsonNode code = json.readTree(answered.getResponseBodyAsString()).get("code");
            return code != null && TOSS_CODE.matcher(code.asString()).matches() ? code.asString() : "OTHER";
        } catch (RuntimeException notJson) {
            return "OTHER";
        }
    }

    private Timer timer(String outcome, String code) {
        return Timer.builder("toss.client.requests")
                .description("Calls to the Toss API by endpoint, outcome and Toss error code")
                .tags("endpoint", ENDPOINT, "outcome", outcome, "code", code)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }

    /** Toss could not be asked or answered with an error; the run is recorded as FAILED. */
    static class TossUnavailableException extends RuntimeException {

        TossUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
