package com.acme.shop.payment.gateway.toss;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Toss's JSON as we read it (docs/toss-api.md, section 3). Only the fields we use are mapped; every record
 * ignores unknown fields, because Toss adds fields without a version bump.
 */
final class TossWire {

    private TossWire() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(String version, String paymentKey, String type, String orderId, String orderName, String mId,
                   String currency, String method, Long totalAmount, Long balanceAmount, String status,
                   OffsetDateTime requestedAt, OffsetDateTime approvedAt, String lastTransactionKey,
                   Long suppliedAmount, Long vat, List<Cancel> cancels, Card card, VirtualAccount virtualAccount,
                   EasyPay easyPay, String secret, Failure failure, Boolean isPartialCancelable, Url receipt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Url(String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancel(Long cancelAmount, String cancelReason, Long refundableAmount, OffsetDateTime canceledAt,
                  String transactionKey, String cancelStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Card(Long amount, String issuerCode, String acquirerCode, String number, Integer installmentPlanMonths,
                String approveNo, String cardType, String ownerType, String acquireStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VirtualAccount(String accountType, String accountNumber, String bankCode, String customerName,
                          String dueDate, String refundStatus, Boolean expired, String settlementStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EasyPay(String provider, Long amount, Long discountAmount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Failure(String code, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message) {
    }

    record ConfirmRequest(String paymentKey, String orderId, long amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(String cancelReason, Long cancelAmount, RefundReceiveAccount refundReceiveAccount) {
    }

    /** Request side uses {@code bank}; the Payment object's refundReceiveAccount uses {@code bankCode}. */
    record RefundReceiveAccount(String bank, String accountNumber, String holderName) {
    }
}
