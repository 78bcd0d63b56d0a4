package com.acme.shop.payment.webhook;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.gateway.InMemoryPaymentGateway;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stored webhook is before the PG is asked: ignored, refused, or a reason to re-read the payment. */
class WebhookTriageTest {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Payment paidWithSecret() {
        Payment p = Payment.checkout("order-1", "customer-1", "머그컵", List.of(new LineItem("MUG", "머그컵", 1, 9_000)),
                NOW, Duration.ofMinutes(30));
        p.claimForConfirm("pk_0123456789", NOW, Duration.ofMinutes(3));
        p.apply(InMemoryPaymentGateway.payment("order-1", "pk_0123456789", PgStatus.DONE, 9_000), false, NOW);
        return p; // the PG's secret is ps_secret_order-1
    }

    static Payment withoutSecret() {
        Payment p = Payment.checkout("order-1", "customer-1", "머그컵", List.of(new LineItem("MUG", "머그컵", 1, 9_000)),
                NOW, Duration.ofMinutes(30));
        p.claimForConfirm("pk_0123456789", NOW, Duration.ofMinutes(3));
        return p;
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void eventTypesWeDoNotActOnAreStoredAndIgnored() {
        assertThat(WebhookJob.triage("BILLING_DELETED", "order-1", Optional.of(paidWithSecret()), json("{}")))
                .isInstanceOf(WebhookJob.Triage.Ignore.class);
        assertThat(WebhookJob.triage("UNKNOWN", null, Optional.empty(), json("{}")))
                .isInstanceOf(WebhookJob.Triage.Ignore.class);
    }

    @Test
    void aWebhookForAnOrderWeDoNotHaveIsIgnored() {
        assertThat(WebhookJob.triage("PAYMENT_STATUS_CHANGED", "nobody", Optional.empty(), json("{\"data\":{}}")))
                .isInstanceOfSatisfying(WebhookJob.Triage.Ignore.class,
                        i -> assertThat(i.why()).isEqualTo("no payment for orderId nobody"));
    }

    @Test
    void aDepositCallbackWithTheWrongSecretIsRefused() {
        assertThat(WebhookJob.triage("DEPOSIT_CALLBACK", "order-1", Optional.of(paidWithSecret()),
                json("{\"secret\":\"ps_forged\",\"status\":\"DONE\",\"orderId\":\"order-1\"}")))
                .isInstanceOf(WebhookJob.Triage.Refuse.class);
    }

    @Test
    void aStatusChangeWithTheWrongSecretIsRefusedToo() {
        assertThat(WebhookJob.triage("PAYMENT_STATUS_CHANGED", "order-1", Optional.of(paidWithSecret()),
                json("{\"data\":{\"secret\":\"ps_forged\",\"status\":\"CANCELED\"}}")))
                .isInstanceOf(WebhookJob.Triage.Refuse.class);
    }

    @Test
    void theRightSecretOrNoneLeadsToAReadFromThePgWhichDecides() {
        assertThat(WebhookJob.triage("DEPOSIT_CALLBACK", "order-1", Optional.of(paidWithSecret()),
                json("{\"secret\":\"ps_secret_order-1\",\"status\":\"DONE\"}"))).isInstanceOf(WebhookJob.Triage.Sync.class);
        assertThat(WebhookJob.triage("PAYMENT_STATUS_CHANGED", "order-1", Optional.of(paidWithSecret()),
                json("{\"data\":{\"status\":\"DONE\"}}"))).isInstanceOf(WebhookJob.Triage.Sync.class);
        // we never learnt the secret (the confirm's answer was lost): only the PG's view can decide
        assertThat(WebhookJob.triage("DEPOSIT_CALLBACK", "order-1", Optional.of(withoutSecret()),
                json("{\"secret\":\"anything\",\"status\":\"DONE\"}"))).isInstanceOf(WebhookJob.Triage.Sync.class);
    }
}
