package com.acme.shop.payment.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A Toss webhook as delivered, with what we need to store and route it. Nothing in it is trusted: the
 * payment is re-read from Toss before anything changes.
 *
 * @param dedupKey the transmission id when Toss sent one (the same on every retry of one transmission),
 *                 otherwise derived from type, payment and status
 */
record Webhook(String eventType, String dedupKey, String transmissionId, String transmissionTime, Integer retriedCount,
               String orderId, String paymentKey, String status, String rawBody) {

    static final String DEPOSIT_CALLBACK = "DEPOSIT_CALLBACK";
    static final String PAYMENT_STATUS_CHANGED = "PAYMENT_STATUS_CHANGED";

    /**
     * Reads the body's routing fields. DEPOSIT_CALLBACK is the flat body without {@code eventType}
     * ({@code createdAt, secret, status, transactionKey, orderId}).
     */
    static Webhook parse(JsonNode body, String rawBody, String transmissionId, String transmissionTime,
                         Integer retriedCount) {
        String eventType;
        JsonNode subject;
        if (body.hasNonNull("eventType")) {
            eventType = body.get("eventType").asString();
            subject = body.path("data");
        } else if (body.hasNonNull("secret") && body.hasNonNull("status")) {
            eventType = DEPOSIT_CALLBACK;
            subject = body;
        } else {
            eventType = "UNKNOWN";
            subject = body;
        }
        String orderId = text(subject, "orderId");
        String paymentKey = text(subject, "paymentKey");
        String status = subject.hasNonNull("status") ? subject.get("status").asString()
                : text(subject, "cancelStatus");
        String dedupKey = transmissionId != null && !transmissionId.isBlank() ? "tx:" + transmissionId
                : String.join(":", "derived", eventType, String.valueOf(paymentKey != null ? paymentKey : orderId),
                String.valueOf(status), String.valueOf(text(subject, DEPOSIT_CALLBACK.equals(eventType)
                        ? "transactionKey" : "lastTransactionKey")));
        return new Webhook(eventType, dedupKey.length() > 300 ? dedupKey.substring(0, 300) : dedupKey,
                transmissionId, transmissionTime, retriedCount, limit(orderId, 64), limit(paymentKey, 200),
                limit(status, 32), rawBody);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
