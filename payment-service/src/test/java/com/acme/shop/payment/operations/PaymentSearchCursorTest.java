package com.acme.shop.payment.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentSearchCursorTest {

    @Test
    void aCursorSurvivesTheRoundTripWithItsSortAndDirection() {
        PaymentSearch.Cursor cursor = new PaymentSearch.Cursor(PaymentSearch.Sort.AMOUNT, false, 45_000, 1_764_470_000_123_456L,
                1_234_567);

        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PaymentSearch.Cursor.decode(encoded)).isEqualTo(cursor);
        PaymentSearch.Cursor byTime = new PaymentSearch.Cursor(PaymentSearch.Sort.CREATED_AT, true, 9_000,
                1_764_470_000_123_456L, 9);
        assertThat(PaymentSearch.Cursor.decode(byTime.encode())).isEqualTo(byTime);
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String bad : new String[] {"", "!!!", "bm90LWEtY3Vyc29y", "eHg6MToxOjE", "YWQ6MTp4OjE", "YWQ6MTox", "YWQ6MToxOjE6MQ",
                "YWQ6OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ"}) {
            assertThat(PaymentSearch.Cursor.decode(bad)).as(bad).isNull();
        }
    }
}
