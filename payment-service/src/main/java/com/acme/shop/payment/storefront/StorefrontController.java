package com.acme.shop.payment.storefront;

import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.checkout.RedirectUrls;
import com.acme.shop.payment.checkout.ServicesProperties;
import com.acme.shop.payment.gateway.PaymentWindow;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.ServiceCalls;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * What the demo storefront page needs besides the payment API, served from the same origin: how to
 * open the payment window, the product list, and the progress of an order through the saga.
 */
@RestController
@RequestMapping("/api/v1/storefront")
@Tag(name = "storefront", description = "What the demo storefront page needs besides the payment API")
class StorefrontController {

    private final RedirectUrls urls;
    private final PaymentWindow window;
    private final Payments payments;
    private final RestClient orders;
    private final RestClient settlements;

    StorefrontController(RedirectUrls urls, PaymentWindow window, Payments payments, ServicesProperties services,
                         RestClient.Builder builder, ServiceCalls serviceCalls) {
        this.urls = urls;
        this.window = window;
        this.payments = payments;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
        factory.setReadTimeout(Duration.ofSeconds(3));
        // the order and its settlement are operators' data in their services: asked for as a service, for the customer
        // whose checkout token opened this request
        this.orders = builder.clone().requestFactory(factory).requestInterceptor(serviceCalls)
                .baseUrl(services.orderUrl().toString()).build();
        this.settlements = builder.clone().requestFactory(factory).requestInterceptor(serviceCalls)
                .baseUrl(services.settlementUrl().toString()).build();
    }

    record Config(String clientKey, String tossJsSdkUrl, String successUrl, String failUrl, boolean sandbox) {
    }

    record Progress(PaymentView payment, JsonNode order, JsonNode settlement) {
    }

    @Operation(summary = "How to open the payment window: client key, SDK script, success and fail URLs")
    @Door(Caller.ANYONE)
    @GetMapping("/config")
    Config config() {
        return new Config(window.clientKey(), window.scriptUrl(), urls.successUrl(), urls.failUrl(), window.sandbox());
    }

    @Operation(summary = "The products on sale, as order-service's catalog lists them")
    @Door(Caller.ANYONE)
    @ApiProblem(status = 503, codes = "CATALOG_UNAVAILABLE", when = "order-service's catalog is not reachable right now")
    @GetMapping("/products")
    JsonNode products() {
        try {
            return orders.get().uri("/api/v1/products").retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CATALOG_UNAVAILABLE",
                    "The product catalog is not reachable right now");
        }
    }

    /** The payment, and the order and settlement once the saga created them (null until then). */
    @Operation(summary = "The customer's view of the saga: the payment, then its order and settlement once they exist")
    @Door(Caller.CHECKOUT_HOLDER)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND",
            when = "no payment has this orderId, or the checkout token is missing or wrong")
    @GetMapping("/orders/{orderId}/progress")
    Progress progress(@PathVariable String orderId) {
        PaymentView payment = payments.findByOrderId(orderId).map(PaymentView::of)
                .orElseThrow(() -> new PaymentNotFoundException(orderId));
        return new Progress(payment, fetch(orders, "/api/v1/orders/{id}", orderId),
                fetch(settlements, "/api/v1/settlements/payments/{id}", orderId));
    }

    private static JsonNode fetch(RestClient client, String path, String orderId) {
        try {
            return client.get().uri(path, orderId).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            return null; // 404: not there yet
        } catch (RestClientException e) {
            return null; // the other service is down: the page shows "pending" and polls again
        }
    }
}
