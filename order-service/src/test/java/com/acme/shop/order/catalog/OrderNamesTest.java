package com.acme.shop.order.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderNamesTest {

    @Test
    void singleLineIsTheProductName() {
        assertThat(OrderNames.of(List.of("토스 머그컵"))).isEqualTo("토스 머그컵");
    }

    @Test
    void furtherLinesAreCounted() {
        assertThat(OrderNames.of(List.of("토스 티셔츠 (검정, M)", "토스 머그컵"))).isEqualTo("토스 티셔츠 (검정, M) 외 1건");
        assertThat(OrderNames.of(List.of("스티커 팩", "토스 머그컵", "토스 에코백"))).isEqualTo("스티커 팩 외 2건");
    }

    @Test
    void longNameIsShortenedButKeepsTheCount() {
        String longName = "가".repeat(150);

        String name = OrderNames.of(List.of(longName, "토스 머그컵", "토스 에코백"));

        assertThat(name).hasSize(OrderNames.MAX_LENGTH).endsWith("… 외 2건").startsWith("가가가");
    }

    @Test
    void nameOfExactlyTheLimitIsKept() {
        String exact = "a".repeat(100);

        assertThat(OrderNames.of(List.of(exact))).isEqualTo(exact);
        assertThat(OrderNames.of(List.of("a".repeat(101)))).hasSize(100).endsWith("…");
    }

    @Test
    void shorteningNeverSplitsASupplementaryCharacter() {
        // 👕 is two UTF-16 chars; place one across the cut position (99 chars kept before the ellipsis)
        String name = "a".repeat(98) + "👕" + "b".repeat(10);

        String shortened = OrderNames.of(List.of(name));

        assertThat(shortened).isEqualTo("a".repeat(98) + "…");
        assertThat(shortened.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void needsAtLeastOneProduct() {
        assertThatThrownBy(() -> OrderNames.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
