package com.acme.shop.testsupport.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BypassTest {

    @Test
    void spellsThePathAsTheIssueDoesAndKeepsTheQuery() {
        String target = "/internal/v1/quotes?a=b";

        assertThat(Bypass.PATH_PARAMETER.apply(target)).isEqualTo("/internal;x/v1/quotes?a=b");
        assertThat(Bypass.ENCODED_LETTER.apply(target)).isEqualTo("/%69nternal/v1/quotes?a=b");
        assertThat(Bypass.DOUBLE_SLASH.apply(target)).isEqualTo("/internal//v1/quotes?a=b");
        assertThat(Bypass.DOT_SEGMENT.apply(target)).isEqualTo("/x/../internal/v1/quotes?a=b");
    }

    @Test
    void worksOnASingleSegment() {
        assertThat(Bypass.PATH_PARAMETER.apply("/api")).isEqualTo("/api;x");
        assertThat(Bypass.ENCODED_LETTER.apply("/api")).isEqualTo("/%61pi");
    }

    @Test
    void needsAFirstSegment() {
        assertThatThrownBy(() -> Bypass.DOUBLE_SLASH.apply("/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesFillTheirPlaceholdersInOrder() {
        Route route = Route.put("/internal/v1/products/{productId}/stock?force={force}", "{}", "MUG", "true");

        assertThat(route.target()).isEqualTo("/internal/v1/products/MUG/stock?force=true");
        assertThat(route.path()).isEqualTo("/internal/v1/products/MUG/stock");
        assertThat(route.query()).isEqualTo("?force=true");
        assertThat(route).hasToString("PUT /internal/v1/products/{productId}/stock?force={force}");
        assertThatThrownBy(() -> Route.get("/a/{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.get("/a", "extra")).isInstanceOf(IllegalArgumentException.class);
    }
}
