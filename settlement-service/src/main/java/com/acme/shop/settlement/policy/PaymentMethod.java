package com.acme.shop.settlement.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The payment methods the fee terms know, with the Korean label Toss puts in {@code method}. Configuration uses
 * the English names ({@code settlement.fees.methods.card}); the ledger stores Toss's label as received.
 */
enum PaymentMethod {
    CARD("카드"),
    EASY_PAY("간편결제"),
    TRANSFER("계좌이체"),
    MOBILE_PHONE("휴대폰"),
    VIRTUAL_ACCOUNT("가상계좌");

    private final String tossLabel;

    PaymentMethod(String tossLabel) {
        this.tossLabel = tossLabel;
    }

    public String tossLabel() {
        return tossLabel;
    }

    public static Optional<PaymentMethod> fromTossLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.tossLabel.equals(label)).findFirst();
    }
}
