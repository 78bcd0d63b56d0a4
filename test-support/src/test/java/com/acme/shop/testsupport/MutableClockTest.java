package com.acme.shop.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

    private static final Instant T0 = Instant.parse("2026-11-21T05:30:16Z");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void standsStillUntilSetOrAdvanced() {
        MutableClock clock = new MutableClock(T0);

        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofMinutes(10))).isEqualTo(T0.plusSeconds(600));
        assertThat(clock.millis()).isEqualTo(T0.plusSeconds(600).toEpochMilli());
        clock.set(T0);
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void zoneViewsShareTheSameTime() {
        MutableClock utc = new MutableClock(T0);
        MutableClock seoul = utc.withZone(SEOUL);

        utc.advance(Duration.ofHours(1));
        assertThat(seoul.instant()).isEqualTo(T0.plusSeconds(3600));
        assertThat(LocalDateTime.now(seoul)).isEqualTo(LocalDateTime.of(2026, 11, 21, 15, 30, 16));

        seoul.set(T0);
        assertThat(utc.instant()).isEqualTo(T0);
        assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
    }

    @Test
    void concurrentAdvancesAreNeverLost() throws InterruptedException {
        MutableClock clock = new MutableClock(T0, SEOUL);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4_000; i++) {
                threads.submit(() -> clock.advance(Duration.ofMillis(1)));
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4));
    }
}
