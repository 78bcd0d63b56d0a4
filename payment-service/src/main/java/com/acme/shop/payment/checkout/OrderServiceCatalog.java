package com.acme.shop.payment.checkout;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.platform.security.ServiceCalls;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks order-service's internal quote endpoint. Its business refusals (unknown product, out of stock,
 * not sellable) are passed to our caller with the same status and code; order-service being down is a
 * 503 {@code CATALOG_UNAVAILABLE}.
 */
@Component
class OrderServiceCatalog implements Catalog {

    private final RestClient http;
    private final JsonMapper json;

    OrderServiceCatalog(RestClient.Builder builder, ServicesProperties services, JsonMapper json,
                        ServiceCalls serviceCalls) {
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.clone().baseUrl(services.orderUrl().toString()).requestFactory(factory)
                .requestInterceptor(serviceCalls)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    throw refusal(response.getStatusCode().value(), body);
                })
                .build();
    }

    @Override
    public Quote quote(List<Requested> items) {
        try {
            QuoteResponse response = http.post().uri("/internal/v1/quotes").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("items", items)).retrieve().body(QuoteResponse.class);
            if (response == null || response.items() == null || response.items().isEmpty()) {
                throw unavailable("empty quote");
            }
            List<LineItem> lines = response.items().stream()
                    .map(i -> new LineItem(i.productId(), i.productName(), i.quantity(), i.unitPrice())).toList();
            return new Quote(lines, response.totalAmount(), response.orderName());
        } catch (ResourceAccessException e) {
            throw unavailable(e.getMostSpecificCause().toString());
        }
    }

    private CatalogException refusal(int status, String body) {
        if (status >= 500 || status == 401 || status == 403) {
            return unavailable("order-service answered " + status);
        }
        String code = "CATALOG_REJECTED";
        String detail = "The catalog refused the items";
        try {
            JsonNode problem = json.readTree(body);
            code = problem.path("code").asString(code);
            detail = problem.path("detail").asString(detail);
        } catch (RuntimeException notJson) {
            // keep the generic code
        }
        return new CatalogException.Refused(status, code, detail);
    }

    private static CatalogException unavailable(String why) {
        return new CatalogException.Unavailable(why);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuoteResponse(List<QuotedItem> items, long totalAmount, String orderName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotedItem(String productId, String productName, int quantity, long unitPrice) {
    }
}
