package com.acme.shop.sandbox.payment;

import java.util.Locale;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

/**
 * The payment methods the sandbox can approve. Toss reports the Korean label in {@code method}; the browser SDK
 * accepts either the label or the English name.
 */
public enum PaymentMethod {

    CARD("카드"), EASY_PAY("간편결제"), TRANSFER("계좌이체"), MOBILE_PHONE("휴대폰"), VIRTUAL_ACCOUNT("가상계좌");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    /** Accepts {@code 카드} or {@code CARD} (any case); blank means card, the SDK's most common choice. */
    public static PaymentMethod parse(String value) {
        if (value == null || value.isBlank()) {
            return CARD;
        }
        String trimmed = value.trim();
        for (PaymentMethod method : values()) {
            if (method.label.equals(trimmed) || method.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new TossException(TossErrorCode.INVALID_REQUEST, "지원하지 않는 결제수단입니다: " + value);
    }

    public String label() {
        return label;
    }

}
