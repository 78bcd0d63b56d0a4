package com.acme.shop.admin.downstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * payment-service as the console uses it: the operators' endpoints of its API (docs/console.md lists them), read into
 * the shapes below. Fields the console does not use are ignored, so payment-service may add more.
 */
@Component
public class PaymentApi {

    private final ServiceClient payment;

    PaymentApi(Downstreams downstreams) {
        this.payment = downstreams.payment();
    }

    // ---- shapes --------------------------------------------------------------------------------------------------

    /** One row of a search. */
    public record PaymentRow(String orderId, String status, String orderName, String customerId, long amount,
                             long balanceAmount, String method, String easyPayProvider, String paymentKey,
                             Instant createdAt, Instant approvedAt) {
    }

    /** @param total how many match, at most 10,000 counted ({@code totalCapped} then says there are more) */
    public record SearchPage(List<PaymentRow> items, String nextCursor, long total, boolean totalCapped) {
    }

    public record Card(String issuerCode, String number, Integer installmentMonths, String approveNo, String cardType) {
    }

    public record VirtualAccount(String bankCode, String accountNumber, Instant dueAt) {
    }

    public record Failure(String code, String message) {
    }

    public record Item(String productId, String productName, Integer quantity, Long unitPrice) {
    }

    public record Payment(String orderId, String status, String orderName, String customerId, long amount,
                          long balanceAmount, long canceledAmount, String currency, String paymentKey, String method,
                          String easyPayProvider, Instant approvedAt, Failure failure, String reviewReason,
                          VirtualAccount virtualAccount, Instant createdAt, Instant expiresAt, List<Item> items,
                          Card card, String receiptUrl) {
    }

    public record Refund(String requestId, String orderId, String cause, Long requestedAmount, String reason,
                         String status, int attempts, String transactionKey, String lastError, String requestedBy,
                         Instant createdAt, Instant completedAt) {

        /** A parked refund whose last error says the customer's refund account is missing or wrong. */
        public boolean needsAccount() {
            String error = lastError == null ? "" : lastError.toUpperCase(java.util.Locale.ROOT);
            return error.contains("ACCOUNT") || error.contains("계좌");
        }
    }

    public record PgRequest(String kind, Integer attempt, String idempotencyKey, String outcome, Integer httpStatus,
                            String errorCode, Instant createdAt, Instant completedAt) {
    }

    public record Webhook(Long id, String eventType, String orderId, String claimedStatus, String state, String outcome,
                          Integer attempts, Instant receivedAt, Instant processedAt, String rawBody) {
    }

    public record SecurityEvent(String kind, String detail, String remoteAddr, Instant createdAt) {
    }

    public record Details(Payment payment, long cancelableAmount, boolean refundAccountRequired, List<Refund> refunds,
                          List<PgRequest> pgRequests, List<Webhook> webhooks, List<SecurityEvent> securityEvents) {

        public Details {
            refunds = refunds == null ? List.of() : refunds;
            pgRequests = pgRequests == null ? List.of() : pgRequests;
            webhooks = webhooks == null ? List.of() : webhooks;
            securityEvents = securityEvents == null ? List.of() : securityEvents;
        }
    }

    public record RefundAccount(String bankCode, String accountNumber, String holderName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundRequest(String requestId, long amount, String reason, RefundAccount refundAccount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RetryRequest(RefundAccount refundAccount) {
    }

    public record Recheck(Payment payment, boolean changed, String outcome) {
    }

    public record Queues(long manualReview, long outcomeUnknown, long parkedRefunds, long refusedWebhooks,
                         long failedWebhooks) {
    }

    public record MethodStats(String method, long attempts, long approved, long declined, double approvalRate) {
    }

    public record ErrorCodeCount(String code, long count) {
    }

    public record Stats(List<MethodStats> byMethod, List<ErrorCodeCount> byErrorCode, long approvedAmount,
                        long refundedAmount, double refundRate) {

        public Stats {
            byMethod = byMethod == null ? List.of() : byMethod;
            byErrorCode = byErrorCode == null ? List.of() : byErrorCode;
        }
    }

    // ---- calls ---------------------------------------------------------------------------------------------------

    /**
     * One page of a search. {@code params} are the search's query parameters in order (a name may repeat, e.g.
     * {@code status}); each value is encoded whole.
     */
    public SearchPage search(List<Map.Entry<String, Object>> params, String cursor, int limit) {
        StringBuilder template = new StringBuilder("/api/v1/payments/search?");
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Object> param : params) {
            optional(template, values, param.getKey(), "v" + i++, param.getValue());
        }
        optional(template, values, "cursor", "cursor", cursor);
        optional(template, values, "limit", "limit", limit);
        return payment.get(SearchPage.class, template.toString(), values);
    }

    private static void optional(StringBuilder template, Map<String, Object> values, String name, String variable,
                                 Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            template.append(values.isEmpty() ? "" : "&").append(name).append("={").append(variable).append('}');
            values.put(variable, value);
        }
    }

    public Details details(String orderId) {
        return payment.get(Details.class, "/api/v1/payments/{orderId}/details", orderId);
    }

    public ServiceClient.Answer<Refund> refund(String orderId, String requestId, long amount, String reason,
                                               RefundAccount account) {
        return payment.post(Refund.class, new RefundRequest(requestId, amount, reason, account),
                "/api/v1/payments/{orderId}/refunds", orderId);
    }

    public Recheck recheck(String orderId) {
        return payment.post(Recheck.class, null, "/api/v1/payments/{orderId}/recheck", orderId).body();
    }

    public List<Refund> parkedRefunds(int limit) {
        return payment.get(new TypeReference<List<Refund>>() {
        }, "/api/v1/refunds?status=PARKED&limit={limit}", limit);
    }

    public Refund retryRefund(String requestId, RefundAccount account) {
        return payment.post(Refund.class, new RetryRequest(account), "/api/v1/refunds/{requestId}/retry", requestId)
                .body();
    }

    public List<Payment> byStatus(String status, int limit) {
        return payment.get(new TypeReference<List<Payment>>() {
        }, "/api/v1/payments?status={status}&limit={limit}", status, limit);
    }

    public List<Webhook> webhooks(String state) {
        return payment.get(new TypeReference<List<Webhook>>() {
        }, "/api/v1/webhooks?state={state}", state);
    }

    public Webhook webhook(long id) {
        return payment.get(Webhook.class, "/api/v1/webhooks/{id}", id);
    }

    public Webhook reprocessWebhook(long id) {
        return payment.post(Webhook.class, null, "/api/v1/webhooks/{id}/reprocess", id).body();
    }

    public Queues queues() {
        return payment.get(Queues.class, "/api/v1/payments/queues");
    }

    public Stats stats(LocalDate from, LocalDate to) {
        return payment.get(Stats.class, "/api/v1/payments/stats?from={from}&to={to}", from, to);
    }

    /** A compact view of a payment for the audit log's before/after columns. */
    public static Map<String, Object> auditState(Details details) {
        Payment p = details.payment();
        return Map.of("status", p.status(), "amount", p.amount(), "balanceAmount", p.balanceAmount(),
                "canceledAmount", p.canceledAmount(), "cancelableAmount", details.cancelableAmount(),
                "refunds", details.refunds().stream().map(r -> r.requestId() + " " + r.status() + " "
                        + r.requestedAmount()).toList());
    }
}
