package com.acme.shop.sandbox.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedirectUrlsTest {

    @Test
    void startsAQueryOrAppendsToTheExistingOne() {
        assertThat(RedirectUrls.withQuery("https://shop.example/ok", Map.of("a", "1"))).isEqualTo("https://shop.example/ok?a=1");
        assertThat(RedirectUrls.withQuery("https://shop.example/ok?x=y", Map.of("a", "1")))
            .isEqualTo("https://shop.example/ok?x=y&a=1");
        assertThat(RedirectUrls.withQuery("https://shop.example/ok?", Map.of("a", "1"))).isEqualTo("https://shop.example/ok?a=1");
    }

    @Test
    void encodesValuesAsUtf8AndKeepsTheFragmentLast() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", "PAY_PROCESS_CANCELED");
        query.put("message", "취소 & 종료");

        assertThat(RedirectUrls.withQuery("https://shop.example/fail#top", query)).isEqualTo(
                "https://shop.example/fail?code=PAY_PROCESS_CANCELED&message=%EC%B7%A8%EC%86%8C+%26+%EC%A2%85%EB%A3%8C#top");
    }

}
