package com.acme.shop.sandbox.payment;

import java.util.List;

import com.acme.shop.sandbox.api.TossTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Toss Payment object (API version 2022-11-16) exactly as it goes on the wire. Real responses carry every key,
 * with explicit {@code null}s for what does not apply, and clients are written against that, so nulls are always
 * written whatever the surrounding Jackson configuration says.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PaymentView(String version, String paymentKey, String type, String orderId, String orderName,
        @JsonProperty("mId") String mId, String currency, String method, long totalAmount, long balanceAmount,
        String status, String requestedAt, String approvedAt, boolean useEscrow, String lastTransactionKey,
        long suppliedAmount, long vat, boolean cultureExpense, long taxFreeAmount, long taxExemptionAmount,
        List<CancelView> cancels, @JsonProperty("isPartialCancelable") boolean isPartialCancelable, CardView card,
        Object virtualAccount, String secret, MobilePhoneView mobilePhone, Object giftCertificate,
        TransferView transfer, Object metadata, UrlView receipt, UrlView checkout, EasyPayView easyPay,
        String country, FailureView failure, Object cashReceipt, Object cashReceipts, Object discount,
        Object transactionKey) {

    static final String API_VERSION = "2022-11-16";

    static PaymentView of(PaymentSnapshot payment) {
        boolean approved = payment.isApproved();
        PaymentMethod method = payment.method();
        TaxSplit tax = payment.taxSplit();
        String receiptUrl = approved ? "https://dashboard.tosspayments.com/receipt/redirection?transactionId="
                + payment.approvalTransactionKey() + "&ref=PX" : null;
        return new PaymentView(API_VERSION, payment.paymentKey(), "NORMAL", payment.orderId(), payment.orderName(),
                payment.merchantId(), "KRW", method.label(), payment.totalAmount(), payment.balanceAmount(),
                payment.status().name(), TossTime.format(payment.requestedAt()), TossTime.format(payment.approvedAt()),
                false, payment.lastTransactionKey(), tax.suppliedAmount(), tax.vat(), false, 0, 0,
                payment.cancels().isEmpty() ? null : payment.cancels().stream().map(CancelView::of).toList(), true,
                approved && method == PaymentMethod.CARD ? CardView.of(payment) : null,
                VirtualAccountView.of(payment.virtualAccount()), payment.secret(),
                approved && method == PaymentMethod.MOBILE_PHONE ? new MobilePhoneView("010****5678", "COMPLETED", receiptUrl)
                        : null,
                null, approved && method == PaymentMethod.TRANSFER ? new TransferView("88", "COMPLETED") : null, null,
                approved ? new UrlView(receiptUrl) : null,
                new UrlView("https://api.tosspayments.com/v1/payments/" + payment.paymentKey() + "/checkout"),
                approved && method == PaymentMethod.EASY_PAY ? new EasyPayView("토스페이", payment.totalAmount(), 0) : null,
                "KR", payment.failure() == null ? null : new FailureView(payment.failure().code(), payment.failure().message()),
                null, null, null, null);
    }

    /** A test card: BC-issued ("71"), masked like Toss masks it, approval number all zeros as in test mode. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CardView(String issuerCode, String acquirerCode, String number, int installmentPlanMonths,
            @JsonProperty("isInterestFree") boolean isInterestFree, String interestPayer, String approveNo,
            boolean useCardPoint, String cardType, String ownerType, String acquireStatus, long amount) {

        static CardView of(PaymentSnapshot payment) {
            String acquireStatus = payment.status() == PaymentStatus.CANCELED ? "CANCELED" : "READY";
            return new CardView("71", "71", "12345678****000*", 0, false, null, "00000000", false, "신용", "개인",
                    acquireStatus, payment.totalAmount());
        }

    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CancelView(long cancelAmount, String cancelReason, long taxFreeAmount, long taxExemptionAmount,
            long refundableAmount, long cardDiscountAmount, long transferDiscountAmount, long easyPayDiscountAmount,
            String canceledAt, String transactionKey, String receiptKey, String cancelStatus, String cancelRequestId) {

        static CancelView of(Cancel cancel) {
            return new CancelView(cancel.cancelAmount(), cancel.cancelReason(), 0, 0, cancel.refundableAmount(), 0, 0,
                    0, TossTime.format(cancel.canceledAt()), cancel.transactionKey(), null, "DONE", null);
        }

    }

    record EasyPayView(String provider, long amount, long discountAmount) {
    }

    record TransferView(String bankCode, String settlementStatus) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MobilePhoneView(String customerMobilePhone, String settlementStatus, String receiptUrl) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UrlView(String url) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FailureView(String code, String message) {
    }

}
