package com.acme.shop.payment.checkout;

import com.acme.shop.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Expires checkouts whose 30-minute payment window passed without a confirm. Toss takes money only on our confirm, so
 * a checkout never confirmed holds none, and no question to Toss is needed. (Unpaid virtual accounts are another
 * matter: {@link DepositDeadline} asks Toss before closing one.) Each payment is expired in its own short
 * transaction under its row lock, re-checking the status, so several instances can run the sweep at once.
 */
@Component
class CheckoutExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(CheckoutExpiryJob.class);

    private final Payments payments;
    private final TransactionTemplate tx;
    private final Clock clock;

    CheckoutExpiryJob(Payments payments, TransactionTemplate tx, Clock clock) {
        this.payments = payments;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${payment.expiry-sweep-interval:30s}", initialDelayString = "5s")
    int expireLapsedCheckouts() {
        int expired = 0;
        for (String orderId : payments.findExpiredReadyOrderIds(clock.instant(), Limit.of(200))) {
            Boolean done = tx.execute(status -> payments.lockByOrderId(orderId)
                    .filter(p -> p.isExpired(clock.instant()))
                    .map(p -> {
                        p.expire(clock.instant());
                        return true;
                    }).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("Expired {} checkouts whose payment window lapsed", expired);
        }
        return expired;
    }
}
