package com.acme.shop.platform.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.5);

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(backoff.step(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.step(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.step(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.step(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.step(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.step(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterShortensEachWaitByAtMostItsFraction() {
        assertThat(backoff.delay(3, fixed(0.0))).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(3, fixed(0.999_999))).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0).delay(3, fixed(0.9)))
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
