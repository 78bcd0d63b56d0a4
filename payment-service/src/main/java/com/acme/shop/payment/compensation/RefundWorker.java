package com.acme.shop.payment.compensation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs refund attempts off the Kafka listener thread (a slow Toss must not stall the consumer), and
 * sweeps due refunds on a schedule so retries and refunds left by a crash are picked up.
 *
 * <p>An attempt mostly waits for Toss and holds no DB connection meanwhile, so attempts run on virtual
 * threads, at most {@code payment.refund.max-concurrent-attempts} at once (a burst of compensations must
 * not queue behind a couple of threads; the benchmark in docs/benchmarks.md measured why).
 */
@Component
class RefundWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("refund-worker-", 0).factory());
    private final Semaphore permits;
    private final RefundService refunds;

    RefundWorker(@Lazy RefundService refunds, RefundProperties properties) {
        this.refunds = refunds;
        this.permits = new Semaphore(properties.maxConcurrentAttempts());
    }

    void submit(Runnable attempt) {
        executor.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down; the sweep picks the refund up after a restart
            }
            try {
                attempt.run();
            } catch (RuntimeException e) {
                log.warn("Refund attempt failed; the sweep will retry it: {}", e.toString());
            } finally {
                permits.release();
            }
        });
    }

    /** Hands due refunds to the workers; leases make a refund queued twice run once. */
    @Scheduled(fixedDelayString = "${payment.refund.sweep-interval:1s}", initialDelayString = "2s")
    void sweep() {
        try {
            refunds.dueRefunds().forEach(id -> submit(() -> refunds.process(id)));
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
