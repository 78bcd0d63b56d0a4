package com.acme.shop.settlement.reconciliation;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads Toss's settlement rows: {@code GET /v1/settlements} with Basic auth, page by page. */
@Component
class TossSettlementClient {

    /** Guards against a server that never returns a short page. */
    private static final int MAX_PAGES = 10_000;
    private static final ParameterizedTypeReference<List<TossSettlementRow>> ROWS = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;
    private final int pageSize;

    TossSettlementClient(TossSettlementProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
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
            throw new TossUnavailableException("GET /v1/settlements for " + date + " (page " + page + ") failed: "
                    + e.getMessage(), e);
        }
    }

    /** Toss could not be asked or answered with an error; the run is recorded as FAILED. */
    static class TossUnavailableException extends RuntimeException {

        TossUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
