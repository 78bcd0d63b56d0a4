package com.acme.shop.chaos.check;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the checker compares, read once after the run: what each customer was told (the driver's log), what
 * each service holds (read over JDBC) and what Toss holds (the sandbox's ledger and call log). Plain data, so the
 * rules can be tested on hand-built fixtures.
 *
 * @param customers     the driver's view per orderId
 * @param payments      payment-service's payment row per orderId, with its mapping count
 * @param cancels       payment-service's payment_cancel rows per orderId
 * @param orders        order-service's order rows per orderId (a list: more than one is a violation)
 * @param entries       settlement-service's ledger entries per orderId
 * @param toss          Toss's payments per orderId (a list: two approvals of one order is a violation)
 * @param tossApprovals confirms Toss answered 200 (not replayed from its idempotency store) per orderId; empty
 *                      when the call log was not available
 * @param unsent        outbox rows not yet sent to Kafka, in every service
 * @param webhooks      stored webhooks not processed (state RECEIVED or FAILED)
 * @param products      stock per product with the stock the run started from
 * @param takenAt       when the snapshot was read (ages are measured against it)
 */
public record Snapshot(Map<String, Customer> customers, Map<String, Payment> payments,
                       Map<String, List<Cancel>> cancels, Map<String, List<Order>> orders,
                       Map<String, List<Entry>> entries, Map<String, List<TossPayment>> toss,
                       Map<String, Integer> tossApprovals, List<Unsent> unsent, List<Webhook> webhooks,
                       List<Product> products, Instant takenAt) {

    /** What the customer was told at the end of confirm (or why confirm was never called). */
    public enum Told {
        /** confirm answered 200 DONE */
        PAID,
        /** confirm answered 200 WAITING_FOR_DEPOSIT: a virtual account was issued */
        WAITING_FOR_DEPOSIT,
        /** 202, a 5xx or no answer: the shop said it is still checking */
        PENDING,
        /** a 4xx decline, or the customer came back through the fail redirect */
        FAILED,
        /** checkout only, no confirm (e.g. checkout refused for stock) */
        NOT_CONFIRMED
    }

    /**
     * @param scenario       the driver's scenario name (card, va-deposit, va-late, va-never, fail-redirect, ...)
     * @param refundsAccepted operator refunds payment-service accepted (202/200), in won
     */
    public record Customer(String orderId, String scenario, String paymentKey, long amount, Told told,
                           long refundsAccepted) {
    }

    public record Payment(String orderId, String status, long total, long balance, String paymentKey,
                          String reviewReason, Instant updatedAt, int mappings) {
    }

    public record Cancel(String orderId, String cause, Long amount, String status, String transactionKey) {
    }

    /** @param lines product -> quantity */
    public record Order(String orderId, String status, long total, long refunded, String failureReason,
                        boolean stockReturned, Map<String, Integer> lines) {
    }

    public record Entry(String orderId, String type, long amount, long fee, long vat, long net,
                        String transactionKey) {
    }

    public record TossPayment(String orderId, String paymentKey, String status, long total, long balance,
                              List<TossCancel> cancels) {

        /** Money was taken at some point: approved, partly or fully given back since. */
        public boolean approved() {
            return status.equals("DONE") || status.equals("PARTIAL_CANCELED")
                    || (status.equals("CANCELED") && !cancels.isEmpty());
        }
    }

    public record TossCancel(long amount, String transactionKey) {
    }

    public record Unsent(String service, String messageKey, String eventType, Instant createdAt) {
    }

    public record Webhook(String orderId, String state, Instant receivedAt) {
    }

    public record Product(String productId, long initialStock, long stock) {
    }
}
