package com.acme.shop.payment.gateway;

import java.util.Arrays;

/**
 * How the customer paid, as the PG reports it. The label is what Toss puts in {@code method} and what our events
 * carry (settlement prices fees by it), so it stays the stored and published form.
 */
public enum PgMethod {
    CARD("카드"),
    VIRTUAL_ACCOUNT("가상계좌"),
    EASY_PAY("간편결제"),
    MOBILE_PHONE("휴대폰"),
    TRANSFER("계좌이체"),
    CULTURE_GIFT_CERTIFICATE("문화상품권"),
    BOOK_GIFT_CERTIFICATE("도서문화상품권"),
    GAME_GIFT_CERTIFICATE("게임문화상품권"),
    /** A method the PG added after this code was written; stored and published as 기타 until it is mapped here. */
    OTHER("기타");

    private final String label;

    PgMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method for a label; null for null (no method chosen yet), {@link #OTHER} for one we do not know. */
    public static PgMethod ofLabel(String label) {
        if (label == null) {
            return null;
        }
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst().orElse(OTHER);
    }
}
