package com.acme.shop.sandbox.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Injected latency and held connections block request threads. They all end early when the application stops, so a
 * 60-second {@code APPROVE_THEN_DROP} hold does not stall the web server's graceful shutdown (its lifecycle phase is
 * lower, so this one stops first).
 */
@Component
class Pauses implements SmartLifecycle {

    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running;

    /** Waits for {@code duration}, or less if the application is stopping. */
    void pause(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

}
