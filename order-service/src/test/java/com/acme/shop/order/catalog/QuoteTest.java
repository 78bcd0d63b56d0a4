package com.acme.shop.order.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTest {

    @Test
    void totalsTheLinesAndNamesTheOrder() {
        Quote quote = Quote.of(List.of(
                new QuoteLine("TSHIRT-BLK-M", "토스 티셔츠 (검정, M)", 2, 15_000, 30_000),
                new QuoteLine("MUG-WHT", "토스 머그컵", 1, 9_000, 9_000)));

        assertThat(quote.totalAmount()).isEqualTo(39_000);
        assertThat(quote.orderName()).isEqualTo("토스 티셔츠 (검정, M) 외 1건");
        assertThat(quote.items()).hasSize(2);
    }
}
