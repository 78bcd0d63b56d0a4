package com.acme.shop.sandbox.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.sandbox.api.TossTime;
import com.acme.shop.sandbox.payment.PaymentService;
import com.acme.shop.sandbox.payment.PaymentStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Toss's webhook delivery (docs/toss-api.md, section 8 (webhooks)): turns payment changes into
 * PAYMENT_STATUS_CHANGED and DEPOSIT_CALLBACK transmissions and POSTs them to the configured URL with Toss's
 * headers. A delivery succeeds only with HTTP 200 within the timeout; otherwise it is resent after 1, 4, 16, 64, 256, 1024 and 4096 minutes (times
 * {@code timeFactor}), then it is FAILED.
 *
 * <p>The event listener runs on the API request thread and only records and schedules; every HTTP call starts on
 * this sender's scheduler and runs asynchronously, so a slow or dead receiver never delays an API answer.
 */
@Component
class WebhookSender implements SmartLifecycle {

    static final String PAYMENT_STATUS_CHANGED = "PAYMENT_STATUS_CHANGED";

    static final String DEPOSIT_CALLBACK = "DEPOSIT_CALLBACK";

    static final String TRANSMISSION_TIME = "tosspayments-webhook-transmission-time";

    static final String RETRIED_COUNT = "tosspayments-webhook-transmission-retried-count";

    static final String TRANSMISSION_ID = "tosspayments-webhook-transmission-id";

    /** PAYMENT_STATUS_CHANGED is sent for these (not for READY, IN_PROGRESS or WAITING_FOR_DEPOSIT). */
    private static final Set<String> PAYMENT_STATUSES = Set.of("DONE", "ABORTED", "EXPIRED", "CANCELED",
            "PARTIAL_CANCELED");

    /** DEPOSIT_CALLBACK: issued, deposited, cancelled. */
    private static final Set<String> DEPOSIT_STATUSES = Set.of("WAITING_FOR_DEPOSIT", "DONE", "CANCELED");

    /** The envelope's createdAt: KST, microseconds, no offset ({@code 2023-07-20T16:35:47.729718}). */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
        .withZone(TossTime.ZONE);

    private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookSettings settings;

    private final WebhookFaults faults;

    private final DeliveryLog deliveries;

    private final PaymentService payments;

    private final Clock clock;

    private final JsonMapper json;

    private final WebhookProperties properties;

    private final ScheduledExecutorService scheduler;

    private final HttpClient http;

    private final SecureRandom random = new SecureRandom();

    /** Reorder fault: the delivery held per paymentKey until the next one for that payment arrives. */
    private final Map<String, Held> held = new HashMap<>();

    private volatile boolean running;

    WebhookSender(WebhookSettings settings, WebhookFaults faults, DeliveryLog deliveries, PaymentService payments,
            Clock clock, JsonMapper json, WebhookProperties properties) {
        this.settings = settings;
        this.faults = faults;
        this.deliveries = deliveries;
        this.payments = payments;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(properties.threads(), task -> {
            Thread thread = new Thread(task, "sandbox-webhook-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.timeout())
            .build();
    }

    @EventListener
    void on(PaymentStatusChanged change) {
        WebhookSettings.Config config = settings.current();
        if (!config.enabled()) {
            return;
        }
        String createdAt = CREATED_AT.format(change.at());
        if (config.sendPaymentStatusChanged() && PAYMENT_STATUSES.contains(change.status())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventType", PAYMENT_STATUS_CHANGED);
            body.put("createdAt", createdAt);
            body.put("data", change.payment());
            submit(PAYMENT_STATUS_CHANGED, change.orderId(), change.paymentKey(), config.url(),
                    json.writeValueAsString(body), null);
        }
        if (config.sendDepositCallback() && change.virtualAccount() && DEPOSIT_STATUSES.contains(change.status())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("createdAt", createdAt);
            body.put("secret", change.secret());
            body.put("status", change.status());
            body.put("transactionKey", change.transactionKey());
            body.put("orderId", change.orderId());
            submit(DEPOSIT_CALLBACK, change.orderId(), change.paymentKey(), config.url(),
                    json.writeValueAsString(body), null);
        }
    }

    /** A new transmission (new transmission id, retried count 0) of the given body; never blocks. */
    Delivery submit(String eventType, String orderId, String paymentKey, String url, String body,
            Map<String, String> headerOverrides) {
        Optional<WebhookFaults.Spec> fault = faults.take(orderId);
        Delivery delivery = new Delivery(deliveries.nextId(), transmissionId(), eventType, orderId, paymentKey, url,
                body, headerOverrides, fault.map(WebhookFaults.Spec::copies).orElse(0));
        deliveries.add(delivery);
        Held previous = paymentKey == null ? null : releaseHeld(paymentKey);
        if (previous != null) {
            // Reorder: the newer delivery goes first, the held older one right after it.
            scheduler.execute(() -> attempt(delivery, () -> attempt(previous.delivery(), null)));
        }
        else if (fault.isPresent() && fault.get().reorders() && paymentKey != null) {
            hold(delivery, fault.get().holdMs());
        }
        else {
            schedule(delivery, Duration.ofMillis(fault.map(WebhookFaults.Spec::delay).orElse(0L)));
        }
        return delivery;
    }

    /** Drops held deliveries (after the log was cleared). */
    void clearHeld() {
        synchronized (held) {
            held.values().forEach(h -> h.timer().cancel(false));
            held.clear();
        }
    }

    private void hold(Delivery delivery, long holdMs) {
        synchronized (held) {
            ScheduledFuture<?> timer = scheduler.schedule(() -> {
                boolean mine;
                synchronized (held) {
                    mine = held.get(delivery.paymentKey()) != null
                            && held.get(delivery.paymentKey()).delivery() == delivery;
                    if (mine) {
                        held.remove(delivery.paymentKey());
                    }
                }
                if (mine) {
                    attempt(delivery, null);
                }
            }, holdMs, TimeUnit.MILLISECONDS);
            held.put(delivery.paymentKey(), new Held(delivery, timer));
        }
    }

    private Held releaseHeld(String paymentKey) {
        synchronized (held) {
            Held previous = held.remove(paymentKey);
            if (previous != null) {
                previous.timer().cancel(false);
            }
            return previous;
        }
    }

    private void schedule(Delivery delivery, Duration delay) {
        try {
            delivery.scheduled(scheduler.schedule(() -> attempt(delivery, null), delay.toNanos(), TimeUnit.NANOSECONDS));
        }
        catch (java.util.concurrent.RejectedExecutionException stopping) {
            log.debug("Webhook {} not scheduled: the sandbox is stopping", delivery.id());
        }
    }

    /** One attempt (plus any duplicate copies); {@code then} runs when the attempt has an outcome. */
    private void attempt(Delivery delivery, Runnable then) {
        int retriedCount = delivery.beginAttempt();
        if (retriedCount < 0) {
            runThen(then);
            return;
        }
        WebhookSettings.Config config = settings.current();
        HttpRequest request;
        try {
            request = request(delivery, retriedCount, config.timeout());
        }
        catch (RuntimeException unusable) {
            finish(delivery, null, unusable, config);
            runThen(then);
            return;
        }
        for (int i = 0; i < delivery.copies(); i++) {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            try {
                finish(delivery, response, error, config);
            }
            finally {
                runThen(then);
            }
        });
    }

    private void finish(Delivery delivery, HttpResponse<?> response, Throwable error,
            WebhookSettings.Config config) {
        Integer status = response == null ? null : response.statusCode();
        String problem = error != null ? describe(error, config) : status == 200 ? null : "HTTP " + status;
        boolean resend = delivery.finishAttempt(status, problem);
        if (resend) {
            // after the n-th failed attempt: 4^(n-1) minutes, i.e. 1, 4, 16, ... 4096
            double minutes = Math.pow(4, delivery.attempts() - 1);
            schedule(delivery, Duration.ofNanos((long) (minutes * 60e9 * config.timeFactor())));
        }
    }

    private HttpRequest request(Delivery delivery, int retriedCount, Duration timeout) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(TRANSMISSION_TIME, TossTime.format(clock.instant()));
        headers.put(RETRIED_COUNT, Integer.toString(retriedCount));
        headers.put(TRANSMISSION_ID, delivery.transmissionId());
        delivery.headerOverrides().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, value);
            }
        });
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        headers.forEach(builder::header);
        return builder.build();
    }

    private static String describe(Throwable error, WebhookSettings.Config config) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout: no answer within " + config.timeoutMs() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static void runThen(Runnable then) {
        if (then != null) {
            then.run();
        }
    }

    /** {@code whtrans_} and 27 lowercase characters, like {@code whtrans_a01j70335nkqqeg0zwzz2r4py9z}. */
    private String transmissionId() {
        StringBuilder id = new StringBuilder("whtrans_");
        for (int i = 0; i < 27; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    private void sweepExpiries() {
        try {
            if (settings.current().enabled()) {
                payments.expireLapsedSessions();
            }
        }
        catch (RuntimeException unexpected) {
            log.warn("Expiry sweep failed", unexpected);
        }
    }

    @Override
    public void start() {
        long every = properties.expirySweepInterval().toMillis();
        if (every > 0) {
            scheduler.scheduleWithFixedDelay(this::sweepExpiries, every, every, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        http.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Held(Delivery delivery, ScheduledFuture<?> timer) {
    }

}
