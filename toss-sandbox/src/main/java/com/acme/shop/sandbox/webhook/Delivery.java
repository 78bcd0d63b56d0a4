package com.acme.shop.sandbox.webhook;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * One webhook transmission and its retries: the body and transmission id stay the same on every attempt, only
 * {@code tosspayments-webhook-transmission-retried-count} and {@code -time} change. Mutable, guarded by its lock;
 * the scheduler and HTTP completion threads both touch it.
 */
final class Delivery {

    /** Toss resends at most 7 times after a failed first delivery. */
    static final int MAX_RESENDS = 7;

    enum Status {
        PENDING, DELIVERED, FAILED
    }

    private final String id;

    private final String transmissionId;

    private final String eventType;

    private final String orderId;

    private final String paymentKey;

    private final String url;

    private final String body;

    /** Extra or replaced headers (raw sends); a null value removes that standard header. */
    private final Map<String, String> headerOverrides;

    private final int copies;

    private Status status = Status.PENDING;

    private int attempts;

    private Integer lastStatusCode;

    private String lastError;

    private ScheduledFuture<?> next;

    private boolean closed;

    Delivery(String id, String transmissionId, String eventType, String orderId, String paymentKey, String url,
            String body, Map<String, String> headerOverrides, int copies) {
        this.id = id;
        this.transmissionId = transmissionId;
        this.eventType = eventType;
        this.orderId = orderId;
        this.paymentKey = paymentKey;
        this.url = url;
        this.body = body;
        this.headerOverrides = headerOverrides == null ? Map.of() : headerOverrides;
        this.copies = copies;
    }

    String id() {
        return id;
    }

    String transmissionId() {
        return transmissionId;
    }

    String eventType() {
        return eventType;
    }

    String orderId() {
        return orderId;
    }

    String paymentKey() {
        return paymentKey;
    }

    String url() {
        return url;
    }

    String body() {
        return body;
    }

    Map<String, String> headerOverrides() {
        return headerOverrides;
    }

    int copies() {
        return copies;
    }

    /** Starts an attempt; returns its retried count, or -1 if the delivery is finished or was cleared. */
    synchronized int beginAttempt() {
        if (closed || status != Status.PENDING) {
            return -1;
        }
        return attempts++;
    }

    /** Records an attempt's outcome; returns true if a resend is due. */
    synchronized boolean finishAttempt(Integer statusCode, String error) {
        lastStatusCode = statusCode;
        lastError = error;
        if (error == null) {
            status = Status.DELIVERED;
            return false;
        }
        if (attempts > MAX_RESENDS) {
            status = Status.FAILED;
            return false;
        }
        return !closed;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized void scheduled(ScheduledFuture<?> future) {
        if (closed) {
            future.cancel(false);
        }
        next = future;
    }

    /** Cleared from the log: no further attempts. */
    synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    synchronized View view() {
        return new View(id, transmissionId, eventType, orderId, paymentKey, status.name(), attempts, lastStatusCode,
                lastError, url, body);
    }

    record View(String id, String transmissionId, String eventType, String orderId, String paymentKey, String status,
            int attempts, Integer lastStatusCode, String lastError, String url, String body) {
    }

}
