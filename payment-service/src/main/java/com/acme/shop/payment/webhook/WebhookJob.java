package com.acme.shop.payment.webhook;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentSync;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.SecurityEvents;
import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.platform.jobs.DurableJob;
import com.acme.shop.platform.jobs.Job;
import com.acme.shop.platform.jobs.JobOutcome;
import com.acme.shop.platform.jobs.JobQueue;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.jobs.JobTable;
import com.acme.shop.platform.observability.OrderLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Processes a stored webhook after the 200 went out (queue {@code webhook} of the job runner, settings under
 * {@code shop.jobs.webhook}; its concurrency is the bulkhead of webhook-triggered PG reads): right away, and again
 * after a back-off while the PG cannot be read. Reads go through a gateway with a circuit breaker of its own, and
 * one read answers every webhook of the order that arrived before it, so a flood of webhooks can neither open the
 * breaker confirms use nor cost one PG call each. The body is never
 * trusted: the payment is re-read from the PG and that view is applied ({@link PaymentSync}), so a stale, repeated
 * or forged webhook changes nothing the PG does not confirm. A secret, when the webhook carries one and we hold the
 * payment's, must match, or the webhook is REFUSED and written to the security trail. Event types we do not act on
 * are stored and IGNORED (docs/webhooks.md).
 */
@Component
class WebhookJob implements DurableJob<Long> {

    static final JobTable TABLE = new JobTable("webhook_log", "id", "state", List.of("RECEIVED"), "FAILED",
            "next_attempt_at", "attempts", null);

    private final WebhookLog webhooks;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentSync sync;
    private final SecurityEvents securityEvents;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final JobQueue<Long> queue;
    private final Timer lag;

    WebhookJob(WebhookLog webhooks, Payments payments, @Qualifier(PaymentGateway.FOR_WEBHOOKS) PaymentGateway gateway,
               PaymentSync sync,
               SecurityEvents securityEvents, TransactionTemplate tx, JsonMapper json, Clock clock, JobRunner jobs,
               MeterRegistry meters) {
        this.webhooks = webhooks;
        this.payments = payments;
        this.gateway = gateway;
        this.sync = sync;
        this.securityEvents = securityEvents;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.queue = jobs.register("webhook", TABLE, Long.class, this);
        // webhook_processing_lag_seconds: from storing a delivery to finishing it (applied, ignored or refused)
        this.lag = Timer.builder("webhook.processing.lag")
                .description("Time from receiving a webhook to having applied (or ignored, or refused) it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(meters);
    }

    /** Works on a webhook just stored (the delivery has been answered already). */
    void submit(long id) {
        queue.submit(id);
    }

    /** What to do with a stored webhook before asking the PG anything. */
    sealed interface Triage {
        /** Stored and acknowledged; nothing to act on. */
        record Ignore(String why) implements Triage {
        }

        /** Not genuine: refused and written to the security trail. */
        record Refuse(String why) implements Triage {
        }

        /** Re-read the payment from the PG and apply what it says. */
        record Sync() implements Triage {
        }
    }

    /**
     * The rules before the PG is asked: only payment status changes and deposit callbacks are acted on, only for a
     * payment of ours, and a secret, when the webhook carries one and we hold the payment's, must match. When we do
     * not hold it (the confirm's answer was lost), the re-read from the PG decides alone.
     */
    static Triage triage(String eventType, String orderId, Optional<Payment> payment, JsonNode body) {
        boolean deposit = Webhook.DEPOSIT_CALLBACK.equals(eventType);
        if (!deposit && !Webhook.PAYMENT_STATUS_CHANGED.equals(eventType)) {
            return new Triage.Ignore("event type " + eventType
                    + " is stored and acknowledged; we act on PAYMENT_STATUS_CHANGED and DEPOSIT_CALLBACK");
        }
        if (payment.isEmpty()) {
            return new Triage.Ignore("no payment for orderId " + orderId);
        }
        JsonNode secret = deposit ? body.get("secret") : body.path("data").get("secret");
        boolean presented = secret != null && !secret.isNull();
        if (presented && payment.get().hasSecret() && !payment.get().secretMatches(secret.asString())) {
            return new Triage.Refuse("secret does not match the payment's secret");
        }
        return new Triage.Sync();
    }

    @Override
    public JobOutcome run(Job<Long> job) {
        WebhookLog.Entry entry = webhooks.find(job.id()).orElseThrow();
        try (OrderLogContext.Scope ignored = OrderLogContext.of(entry.orderId())) {
            return process(entry);
        }
    }

    private JobOutcome process(WebhookLog.Entry entry) {
        Optional<Payment> payment = entry.orderId() == null ? Optional.empty() : payments.findByOrderId(entry.orderId());
        switch (triage(entry.eventType(), entry.orderId(), payment, json.readTree(entry.rawBody()))) {
            case Triage.Ignore ignore -> {
                return finish(entry, WebhookLog.State.IGNORED, ignore.why());
            }
            case Triage.Refuse refuse -> {
                securityEvents.record("WEBHOOK_SECRET_MISMATCH", entry.orderId(), entry.eventType() + " webhook "
                        + entry.id() + " carried a secret that does not match the payment's", null);
                return finish(entry, WebhookLog.State.REFUSED, refuse.why());
            }
            case Triage.Sync sync -> {
                // read on, below
            }
        }
        Instant readStartedAt = clock.instant();
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(entry.orderId());
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success)) {
            return JobOutcome.retryLater("the PG not readable: " + read);
        }
        if (success.value().isEmpty()) {
            return finish(entry, WebhookLog.State.PROCESSED, "no change: the PG does not know order " + entry.orderId());
        }
        PgPayment pg = success.value().get();
        Payment.Applied applied = tx.execute(s -> sync.apply(payments.lockByOrderId(entry.orderId()).orElseThrow(), pg));
        // one read per order answers every webhook of it that arrived before the read: a flood costs one PG call
        webhooks.coverEarlier(entry.orderId(), entry.id(), readStartedAt, "no change: answered by the PG read for "
                + "webhook " + entry.id() + " of the same order", clock.instant());
        return finish(entry, WebhookLog.State.PROCESSED, applied.changed() ? applied.summary()
                : "no change: " + applied.summary());
    }

    private JobOutcome finish(WebhookLog.Entry entry, WebhookLog.State state, String outcome) {
        Instant now = clock.instant();
        webhooks.finish(entry.id(), state, outcome, now);
        if (entry.receivedAt() != null) {
            Duration waited = Duration.between(entry.receivedAt(), now);
            lag.record(waited.isNegative() ? Duration.ZERO : waited);
        }
        return JobOutcome.done();
    }

    @Override
    public void retryAt(Long id, Instant at, String reason) {
        webhooks.retryAt(id, at, reason);
    }

    @Override
    public void park(Long id, String reason) {
        webhooks.finish(id, WebhookLog.State.FAILED, reason, clock.instant());
    }
}
