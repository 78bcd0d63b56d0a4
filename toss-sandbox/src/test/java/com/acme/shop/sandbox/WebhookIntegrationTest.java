package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Webhook tests: each test gets its own receiver, registered with a compressed retry schedule; registration,
 * deliveries and faults are reset afterwards so other tests send no webhooks.
 */
abstract class WebhookIntegrationTest extends SandboxIntegrationTest {

    WebhookReceiver receiver;

    @BeforeEach
    void registerReceiver() throws Exception {
        receiver = WebhookReceiver.start();
        configure("{\"url\":\"%s\",\"timeFactor\":0.0005,\"timeoutMs\":10000,\"sendPaymentStatusChanged\":true,\"sendDepositCallback\":true}"
            .formatted(receiver.url()));
    }

    @AfterEach
    void unregisterReceiver() throws Exception {
        configure("{\"url\":\"\",\"timeFactor\":1.0,\"timeoutMs\":10000}");
        send(HttpRequest.newBuilder(uri("/sandbox/webhooks/deliveries")).DELETE());
        send(HttpRequest.newBuilder(uri("/sandbox/webhooks/faults")).DELETE());
        receiver.close();
    }

    void configure(String json) throws Exception {
        assertThat(put("/sandbox/webhooks/config", json).status()).isEqualTo(200);
    }

    /** Waits until the receiver has exactly {@code count} calls for the order, and returns them. */
    List<WebhookReceiver.Received> awaitReceived(String orderId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedFor(orderId).size() >= count);
        List<WebhookReceiver.Received> calls = receiver.receivedFor(orderId);
        assertThat(calls).hasSize(count);
        return calls;
    }

    JsonNode deliveries(String orderId) throws Exception {
        Response response = get("/sandbox/webhooks/deliveries?orderId=" + orderId);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** A confirmed virtual-account payment: WAITING_FOR_DEPOSIT. */
    JsonNode issueVirtualAccount(Created payment) throws Exception {
        Response confirmed = confirm(payment);
        assertThat(confirmed.status()).isEqualTo(200);
        return confirmed.json();
    }

    static final String REFUND_ACCOUNT = "{\"bank\":\"88\",\"accountNumber\":\"11012345678901\",\"holderName\":\"박토스\"}";

}
