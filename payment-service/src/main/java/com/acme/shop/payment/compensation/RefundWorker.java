package com.acme.shop.payment.compensation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs refund attempts off the Kafka listener thread (a slow Toss must not stall the consumer), and
 * sweeps due refunds on a schedule so retries and refunds left by a crash are picked up.
 */
@Component
class RefundWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("refund-worker-", 0).daemon(true).factory());
    private final RefundService refunds;

    RefundWorker(@Lazy RefundService refunds) {
        this.refunds = refunds;
    }

    void submit(Runnable attempt) {
        executor.execute(() -> {
            try {
                attempt.run();
            } catch (RuntimeException e) {
                log.warn("Refund attempt failed; the sweep will retry it: {}", e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${payment.refund.sweep-interval:1s}", initialDelayString = "2s")
    void sweep() {
        try {
            refunds.processDue();
        } catch (RuntimeException e) {
            log.warn("Refund sweep failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
