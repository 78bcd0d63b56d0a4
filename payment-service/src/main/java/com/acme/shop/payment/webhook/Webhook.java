package com.acme.shop.payment.webhook;

import com.acme.shop.payment.Payment;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A Toss webhook as delivered, with what we need to store and route it. Nothing in it is trusted: the payment is
 * re-read from Toss before anything changes (docs/toss-api.md, section 8).
 *
 * @param dedupKey the transmission id when Toss sent one (the same on every retry of one transmission), otherwise a
 *                 digest of type, payment, status and transaction
 * @param orderId  the orderId the body names, when it can be one of ours (else null: stored, then ignored)
 */
record Webhook(String eventType, String dedupKey, String transmissionId, String transmissionTime, Integer retriedCount,
               String orderId, String paymentKey, String status, String rawBody) {

    static final String DEPOSIT_CALLBACK = "DEPOSIT_CALLBACK";
    static final String PAYMENT_STATUS_CHANGED = "PAYMENT_STATUS_CHANGED";
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.]{1,64}");
    private static final Pattern PAYMENT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /** A body that is JSON but not of any shape Toss sends: refused with a 400, not stored. */
    static final class NotATossShape extends IllegalArgumentException {
        NotATossShape(String why) {
            super(why);
        }
    }

    /**
     * Reads the body's routing fields. PAYMENT_STATUS_CHANGED and the others are {@code {eventType, createdAt, data}};
     * DEPOSIT_CALLBACK is the flat body without {@code eventType} ({@code createdAt, secret, status, transactionKey,
     * orderId}). A field of the wrong JSON type, or an event type that is no word, is not a Toss shape; a value we do
     * not act on (an orderId that cannot be ours, an unknown event type) is kept for the log and ignored later.
     */
    static Webhook parse(JsonNode body, String rawBody, String transmissionId, String transmissionTime,
                         Integer retriedCount) {
        if (transmissionId != null && !PRINTABLE.matcher(transmissionId).matches()) {
            throw new NotATossShape("tosspayments-webhook-transmission-id must be up to 100 printable ASCII characters");
        }
        if (transmissionTime != null && !PRINTABLE.matcher(transmissionTime).matches()) {
            throw new NotATossShape("tosspayments-webhook-transmission-time must be printable ASCII");
        }
        String eventType;
        JsonNode subject;
        if (body.has("eventType")) {
            eventType = text(body, "eventType");
            if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
                throw new NotATossShape("eventType must be a word of up to 64 characters");
            }
            subject = body.path("data");
            if (!subject.isObject() && !subject.isMissingNode()) {
                throw new NotATossShape("data must be an object");
            }
        } else if (body.hasNonNull("secret") && body.hasNonNull("status")) {
            eventType = DEPOSIT_CALLBACK;
            subject = body;
        } else {
            eventType = "UNKNOWN";
            subject = body;
        }
        String orderId = text(subject, "orderId");
        String paymentKey = text(subject, "paymentKey");
        String status = subject.has("status") ? text(subject, "status") : text(subject, "cancelStatus");
        String transactionKey = text(subject, DEPOSIT_CALLBACK.equals(eventType) ? "transactionKey" : "lastTransactionKey");
        text(subject, "secret"); // read when the webhook is processed; here only its type is checked
        String dedupKey = transmissionId != null ? "tx:" + transmissionId
                : "sha:" + sha256(String.join("|", eventType, String.valueOf(paymentKey != null ? paymentKey : orderId),
                String.valueOf(status), String.valueOf(transactionKey)));
        return new Webhook(eventType, dedupKey, transmissionId, transmissionTime, retriedCount,
                Payment.isOrderId(orderId) ? orderId : null,
                paymentKey != null && PAYMENT_KEY.matcher(paymentKey).matches() ? paymentKey : null,
                status == null ? null : limit(status, 32), rawBody);
    }

    /** The field's text; null when absent or null; a field of another JSON type is not a Toss shape. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new NotATossShape(field + " must be a string");
        }
        return value.asString();
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
