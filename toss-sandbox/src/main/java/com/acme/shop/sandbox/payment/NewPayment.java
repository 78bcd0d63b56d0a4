package com.acme.shop.sandbox.payment;

import java.util.regex.Pattern;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

/**
 * A payment the customer has just authenticated in the (sandbox) payment window, validated with Toss's rules for
 * what the SDK accepts.
 */
public record NewPayment(String orderId, long amount, String orderName, PaymentMethod method, String customerName) {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    /** Card payments start at 100 won at Toss. */
    static final long MINIMUM_AMOUNT = 100;

    public NewPayment {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new TossException(TossErrorCode.INVALID_ORDER_ID);
        }
        if (amount < MINIMUM_AMOUNT) {
            throw new TossException(TossErrorCode.BELOW_MINIMUM_AMOUNT);
        }
        if (orderName == null || orderName.isBlank() || orderName.length() > 100) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "orderName은 1자 이상 100자 이하여야 합니다.");
        }
        if (method == null) {
            method = PaymentMethod.CARD;
        }
    }

}
