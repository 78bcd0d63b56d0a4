package com.acme.shop.order.saga;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The failure policy of order creation. Each attempt is one whole transaction of
 * {@link PaymentEventHandler#onPaymentApproved} (inbox row, stock, order, outbox row), so a failed attempt leaves
 * nothing behind.
 *
 * <ul>
 *   <li>Business failures (out of stock, product not sellable) are not exceptions: the attempt succeeds with a
 *       FAILED order and ORDER_CREATION_FAILED, at once.</li>
 *   <li>Technical failures ({@link TechnicalFailures}) are retried with exponential back-off up to the budget
 *       ({@link TechnicalRetryProperties}); then the order is recorded FAILED with reason TECHNICAL and
 *       ORDER_CREATION_FAILED goes out through the outbox in a fresh transaction, so payment-service refunds:
 *       money is never held without an order.</li>
 *   <li>Anything else (a bug, a contradictory message) propagates to the platform's error handler: a few
 *       redeliveries, then the dead-letter topic.</li>
 * </ul>
 *
 * The back-off runs on the consumer thread on purpose: later records of the partition, and so every later event
 * of the same order (key = orderId), wait behind this one and stay in order.
 */
@Component
class OrderCreationRetry {

    private static final Logger log = LoggerFactory.getLogger(OrderCreationRetry.class);

    private final PaymentEventHandler handler;
    private final TechnicalRetryProperties budget;

    OrderCreationRetry(PaymentEventHandler handler, TechnicalRetryProperties budget) {
        this.handler = handler;
        this.budget = budget;
    }

    void onPaymentApproved(EventEnvelope<PaymentApproved> event) {
        BackOffExecution backOff = budget.backOff().start();
        for (int attempt = 1; ; attempt++) {
            try {
                handler.onPaymentApproved(event);
                return;
            } catch (RuntimeException e) {
                if (!TechnicalFailures.isTechnical(e)) {
                    throw e;
                }
                long wait = backOff.nextBackOff();
                if (wait == BackOffExecution.STOP) {
                    log.error("Order {}: technical failure on attempt {} of {}, budget spent; failing the order "
                            + "with reason TECHNICAL so the payment is refunded", event.orderId(), attempt,
                            budget.maxAttempts(), e);
                    handler.failTechnically(event, attempt, e);
                    return;
                }
                log.warn("Order {}: technical failure on attempt {} of {}, retrying in {} ms: {}", event.orderId(),
                        attempt, budget.maxAttempts(), wait, TechnicalFailures.describe(e));
                pause(wait);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // shutting down: leave the record uncommitted, it is redelivered to whoever takes the partition
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry order creation", e);
        }
    }
}
