package com.acme.shop.payment.checkout;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkouts whose payment window lapsed end EXPIRED, and a late confirm of one never reaches the PG. */
class CheckoutExpiryIT extends AbstractPaymentIT {

    @Autowired
    CheckoutExpiryJob expiryJob;

    @Test
    void anUnconfirmedCheckoutExpiresAndCannotBeConfirmed() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        jdbc.update("UPDATE payment SET expires_at = ? WHERE order_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), orderId);

        expiryJob.expireLapsedCheckouts();

        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("EXPIRED");
        Http.Response r = confirm(paymentKey, orderId, 9_000);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("code").asString()).isEqualTo("PAYMENT_NOT_CONFIRMABLE");
        assertThat(sandboxCalls(orderId, "/confirm")).isEmpty();
    }
}
