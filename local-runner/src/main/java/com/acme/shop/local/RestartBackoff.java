package com.acme.shop.local;

import java.time.Duration;

/**
 * How long the supervisor waits before restarting a process that died: {@code initial} after the first death,
 * doubling with every death in a row, never more than {@code max}. A process that stayed healthy for
 * {@code stableAfter} before it died starts the count again, so a service that crashes once a day restarts at once,
 * while one that crashes at every start is not restarted in a tight loop.
 */
record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

    static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    RestartBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || stableAfter.isNegative()) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max and stableAfter >= 0: "
                    + initial + ", " + max + ", " + stableAfter);
        }
    }

    /** The wait before restart number {@code deathsInARow} (1 for the first death after a stable run). */
    Duration delay(int deathsInARow) {
        if (deathsInARow < 1) {
            throw new IllegalArgumentException("deathsInARow starts at 1: " + deathsInARow);
        }
        Duration delay = initial;
        for (int i = 1; i < deathsInARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * The count after a death: 1 when the process had been healthy for at least {@code stableAfter} (or this is the
     * first death), else one more than before.
     *
     * @param healthyFor how long it had been healthy when it died, null if it never became healthy
     */
    int deathsInARow(int before, Duration healthyFor) {
        if (healthyFor != null && healthyFor.compareTo(stableAfter) >= 0) {
            return 1;
        }
        return before + 1;
    }
}
