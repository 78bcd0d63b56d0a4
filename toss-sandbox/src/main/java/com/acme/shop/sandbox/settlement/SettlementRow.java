package com.acme.shop.sandbox.settlement;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of the {@code GET /v1/settlements} array: one approval or one cancel transaction (docs/toss-api.md,
 * section 9 (settlements lookup)).
 * Sign convention of the sandbox (undocumented at Toss): a cancel row has a negative {@code amount}, and when the
 * fee is refunded negative fees, {@code supplyAmount} and {@code vat}; {@code payOutAmount = amount - fees}, where
 * {@code fees[].fee} includes the VAT ({@code = supplyAmount + vat}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SettlementRow(@JsonProperty("mId") String mId, String paymentKey, String transactionKey, String orderId,
        String currency, String method, long amount, long interestFee, List<Fee> fees, long supplyAmount, long vat,
        long payOutAmount, String approvedAt, String soldDate, String paidOutDate, Object card, EasyPay easyPay,
        Object giftCertificate, Object mobilePhone, Object transfer, Object virtualAccount, CancelView cancel) {

    record Fee(String type, long fee) {
    }

    record EasyPay(String provider, long amount, long discountAmount) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CancelView(long cancelAmount, String cancelReason, long taxFreeAmount, long taxExemptionAmount,
            long refundableAmount, String canceledAt, String transactionKey, String cancelStatus) {
    }

}
