package com.acme.shop.admin.downstream;

import com.acme.shop.platform.security.ServiceCalls;
import jakarta.annotation.PreDestroy;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The console's clients of payment-, order- and settlement-service. */
@Component
public class Downstreams {

    private final HttpClient httpClient;
    private final ServiceClient payment;
    private final ServiceClient order;
    private final ServiceClient settlement;

    /** Calls are observed: they carry the W3C trace context and show in http_client_requests_seconds. */
    private final ObservationRegistry observations;

    Downstreams(ServicesProperties properties, ServiceCalls serviceCalls, ObservationRegistry observations) {
        this.observations = observations;
        this.httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        // the other services may add fields; the console reads what it knows
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        this.payment = client("payment-service", "결제 서비스", properties.paymentUrl(), properties, serviceCalls, json);
        this.order = client("order-service", "주문 서비스", properties.orderUrl(), properties, serviceCalls, json);
        this.settlement = client("settlement-service", "정산 서비스", properties.settlementUrl(), properties, serviceCalls,
                json);
    }

    private ServiceClient client(String service, String label, URI baseUrl, ServicesProperties properties,
                                 ServiceCalls serviceCalls, JsonMapper json) {
        return new ServiceClient(service, label, rest(baseUrl, properties.readTimeout(), serviceCalls),
                rest(baseUrl, properties.actionReadTimeout(), serviceCalls), json);
    }

    private RestClient rest(URI baseUrl, Duration readTimeout, ServiceCalls serviceCalls) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory).requestInterceptor(serviceCalls)
                .observationRegistry(observations).build();
    }

    public ServiceClient payment() {
        return payment;
    }

    public ServiceClient order() {
        return order;
    }

    public ServiceClient settlement() {
        return settlement;
    }

    @PreDestroy
    void close() {
        httpClient.close();
    }
}
