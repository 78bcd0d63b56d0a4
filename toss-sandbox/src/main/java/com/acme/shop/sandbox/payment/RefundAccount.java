package com.acme.shop.sandbox.payment;

import java.util.regex.Pattern;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

/**
 * The customer's account a deposited virtual-account payment is refunded to. The cancel request calls the bank
 * {@code bank}; the Payment object reports it as {@code bankCode}.
 */
record RefundAccount(String bankCode, String accountNumber, String holderName) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    /** Toss's checks: all three parts present, digits only (at most 20), holder at most 60 characters. */
    RefundAccount validated() {
        if (bankCode == null || bankCode.isBlank() || accountNumber == null || accountNumber.isBlank()
                || holderName == null || holderName.isBlank() || holderName.length() > 60) {
            throw new TossException(TossErrorCode.INVALID_REFUND_ACCOUNT_INFO,
                    "환불 계좌 정보(bank, accountNumber, holderName)가 올바르지 않습니다.");
        }
        if (!DIGITS.matcher(accountNumber).matches()) {
            throw new TossException(TossErrorCode.INVALID_REFUND_ACCOUNT_NUMBER);
        }
        return this;
    }

}
