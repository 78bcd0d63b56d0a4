package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.Korean;
import com.acme.shop.platform.web.ApiException;
import com.acme.shop.platform.web.ProblemCodes;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.UUID;

/**
 * The manual refund form, checked: a request id fixed when the form was drawn (so a double click or a resubmit sends
 * the same refund), the amount (the whole cancelable amount, or a part of it), a standard reason with optional free
 * text (required for 기타), and for a virtual-account payment the customer's refund account.
 */
public record RefundForm(String requestId, long amount, boolean full, String reasonCode, String reasonText,
                  PaymentApi.RefundAccount account) {

    static final List<String> REASONS = List.of("고객 변심", "상품 불량", "배송 지연", "중복 결제", "주문 취소", "기타");
    static final int REASON_LENGTH = 200;

    /** What payment-service records as the cancel reason (and Toss as {@code cancelReason}). */
    public String reason() {
        return reasonText == null ? reasonCode : reasonCode + ": " + reasonText;
    }

    public String amountText() {
        return Korean.won(amount);
    }

    static RefundForm parse(MultiValueMap<String, String> form, long cancelableAmount, boolean accountRequired) {
        String requestId = text(form, "requestId");
        try {
            if (requestId == null || !UUID.fromString(requestId).toString().equals(requestId.toLowerCase())) {
                throw invalid("환불 요청번호가 없습니다. 화면을 새로고침하세요");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("환불 요청번호가 올바르지 않습니다. 화면을 새로고침하세요");
        }
        String scope = text(form, "scope");
        boolean full = !"partial".equals(scope);
        if (scope != null && !scope.equals("partial") && !scope.equals("full")) {
            throw invalid("전액 또는 부분 환불을 선택하세요");
        }
        long amount;
        String amountText = text(form, "amount");
        if (amountText == null) {
            if (!full) {
                throw invalid("부분 환불 금액을 입력하세요");
            }
            amount = cancelableAmount;
        } else {
            String digits = amountText.replace(",", "").replace("원", "").strip();
            if (!digits.matches("\\d{1,12}")) {
                throw invalid("환불 금액은 1원 이상의 정수입니다");
            }
            amount = Long.parseLong(digits);
        }
        if (amount < 1) {
            throw invalid("환불 금액은 1원 이상입니다");
        }
        String reasonCode = text(form, "reasonCode");
        if (reasonCode == null || !REASONS.contains(reasonCode)) {
            throw invalid("환불 사유를 선택하세요");
        }
        String reasonText = text(form, "reasonText");
        if ("기타".equals(reasonCode) && reasonText == null) {
            throw invalid("기타 사유를 입력하세요");
        }
        if (reasonText != null && (reasonCode.length() + 2 + reasonText.length() > REASON_LENGTH
                || reasonText.codePoints().anyMatch(Character::isISOControl))) {
            throw invalid("환불 사유는 " + REASON_LENGTH + "자 이하입니다");
        }
        PaymentApi.RefundAccount account = null;
        if (accountRequired) {
            String bank = text(form, "bankCode");
            String number = text(form, "accountNumber");
            String holder = text(form, "holderName");
            if (bank == null || !bank.matches("[0-9A-Z]{2,3}")) {
                throw invalid("환불 받을 은행 코드를 입력하세요 (예: 88)");
            }
            if (number == null || !number.replace("-", "").matches("\\d{6,20}")) {
                throw invalid("환불 받을 계좌번호는 숫자 6~20자리입니다");
            }
            if (holder == null || holder.length() > 40) {
                throw invalid("예금주를 40자 이하로 입력하세요");
            }
            account = new PaymentApi.RefundAccount(bank, number.replace("-", ""), holder);
        }
        return new RefundForm(requestId.toLowerCase(), amount, full, reasonCode, reasonText, account);
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ApiException invalid(String detail) {
        return ApiException.badRequest(ProblemCodes.VALIDATION_FAILED, detail);
    }
}
