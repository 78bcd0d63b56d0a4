package com.acme.shop.payment.webhook;

import com.acme.shop.payment.payment.Payment;
import com.acme.shop.payment.payment.PaymentSync;
import com.acme.shop.payment.payment.Payments;
import com.acme.shop.payment.payment.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Processes stored webhooks after the 200 went out: right away on a worker, and by a sweep that picks up
 * retries and rows left by a crash. Authenticity: a DEPOSIT_CALLBACK (and a PAYMENT_STATUS_CHANGED that
 * carries a secret) must carry the payment's stored secret, else it is REFUSED and recorded as a security
 * event; everything else is decided by re-reading the payment from Toss ({@link PaymentSync}).
 */
@Component
class WebhookProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("webhook-worker-", 0).daemon(true).factory());
    private final WebhookLog webhooks;
    private final Payments payments;
    private final PaymentSync sync;
    private final SecurityEvents securityEvents;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookProcessor(WebhookLog webhooks, Payments payments, PaymentSync sync, SecurityEvents securityEvents,
                     WebhookProperties properties, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.payments = payments;
        this.sync = sync;
        this.securityEvents = securityEvents;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    void submit(long id) {
        workers.execute(() -> process(id));
    }

    /** Hands due rows (retries, and rows a crash left behind) to the workers; never calls Toss itself. */
    @Scheduled(fixedDelayString = "${payment.webhook.sweep-interval:1s}", initialDelayString = "2s")
    void sweep() {
        try {
            webhooks.due(clock.instant(), 100).forEach(this::submit);
        } catch (RuntimeException e) {
            log.warn("Webhook sweep failed: {}", e.toString());
        }
    }

    /** Works on one stored webhook if its lease can be taken (a queued duplicate submission finds it taken). */
    void process(long id) {
        Optional<WebhookLog.Entry> leased;
        try {
            leased = webhooks.lease(id, clock.instant(), clock.instant().plus(LEASE));
        } catch (RuntimeException e) {
            log.warn("Could not lease webhook {}: {}", id, e.toString());
            return;
        }
        leased.ifPresent(entry -> {
            try {
                handle(entry);
            } catch (RuntimeException e) {
                retryOrFail(entry, "processing failed: " + e);
            }
        });
    }

    private void handle(WebhookLog.Entry entry) {
        boolean deposit = Webhook.DEPOSIT_CALLBACK.equals(entry.eventType());
        if (!deposit && !Webhook.PAYMENT_STATUS_CHANGED.equals(entry.eventType())) {
            webhooks.finish(entry.id(), WebhookLog.State.IGNORED, "event type " + entry.eventType()
                    + " is stored and acknowledged; we act on PAYMENT_STATUS_CHANGED and DEPOSIT_CALLBACK", clock.instant());
            return;
        }
        Optional<Payment> payment = entry.orderId() == null ? Optional.empty() : payments.findByOrderId(entry.orderId());
        if (payment.isEmpty()) {
            webhooks.finish(entry.id(), WebhookLog.State.IGNORED, "no payment for orderId " + entry.orderId(),
                    clock.instant());
            return;
        }
        JsonNode body = json.readTree(entry.rawBody());
        JsonNode secret = deposit ? body.get("secret") : body.path("data").get("secret");
        boolean secretPresented = secret != null && !secret.isNull();
        // When we hold the payment's secret (from the confirm or virtual-account answer), a presented secret must
        // match it. When we do not (the confirm's answer was lost), the re-read from Toss below decides alone.
        if (secretPresented && payment.get().hasSecret() && !payment.get().secretMatches(secret.asString())) {
            securityEvents.record("WEBHOOK_SECRET_MISMATCH", entry.orderId(), entry.eventType() + " webhook "
                    + entry.id() + " carried a secret that does not match the payment's", null);
            webhooks.finish(entry.id(), WebhookLog.State.REFUSED, "secret does not match the payment's secret",
                    clock.instant());
            return;
        }
        switch (sync.syncFromToss(entry.orderId())) {
            case PaymentSync.Result.Applied applied ->
                    webhooks.finish(entry.id(), WebhookLog.State.PROCESSED, applied.what(), clock.instant());
            case PaymentSync.Result.NoChange noChange ->
                    webhooks.finish(entry.id(), WebhookLog.State.PROCESSED, "no change: " + noChange.why(), clock.instant());
            case PaymentSync.Result.TryLater later -> retryOrFail(entry, later.why());
        }
    }

    private void retryOrFail(WebhookLog.Entry entry, String why) {
        if (entry.attempts() >= properties.maxAttempts()) {
            log.error("Webhook {} ({} for {}) FAILED after {} attempts: {}", entry.id(), entry.eventType(),
                    entry.orderId(), entry.attempts(), why);
            webhooks.finish(entry.id(), WebhookLog.State.FAILED, why, clock.instant());
            return;
        }
        long millis = Math.min(properties.initialBackoff().toMillis() << Math.min(entry.attempts() - 1, 20),
                properties.maxBackoff().toMillis());
        Instant next = clock.instant().plusMillis(millis);
        webhooks.retryAt(entry.id(), next, why);
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
