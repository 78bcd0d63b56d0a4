package com.acme.shop.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartBackoffTest {

    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    @Test
    void doublesWithEveryDeathInARowUpToTheCap() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(backoff::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30)); // no overflow on a long crash loop
    }

    @Test
    void aProcessThatRanStablyStartsTheCountAgain() {
        assertThat(backoff.deathsInARow(5, Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(backoff.deathsInARow(5, Duration.ofMinutes(10))).isEqualTo(1);
    }

    @Test
    void aProcessThatDiedSoonOrNeverBecameHealthyCountsOneMore() {
        assertThat(backoff.deathsInARow(0, null)).isEqualTo(1);
        assertThat(backoff.deathsInARow(3, null)).isEqualTo(4);
        assertThat(backoff.deathsInARow(3, Duration.ofSeconds(59))).isEqualTo(4);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RestartBackoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
