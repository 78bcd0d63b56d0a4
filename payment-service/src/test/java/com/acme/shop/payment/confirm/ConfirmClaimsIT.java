package com.acme.shop.payment.confirm;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.Payments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confirm's one-statement claim ({@link ConfirmClaims}) must leave a payment exactly as the entity's
 * {@link Payment#claimForConfirm} does, and must refuse everything the full path has to decide, a caller without the
 * checkout's token included.
 */
class ConfirmClaimsIT extends AbstractPaymentIT {

    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    @Autowired
    ConfirmClaims claims;
    @Autowired
    Payments payments;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theQuickClaimLeavesThePaymentAsTheEntityDoesWhateverTheJvmZone() {
        TimeZone zone = TimeZone.getDefault();
        // a zone far from UTC: instants written by plain JDBC and by Hibernate (UTC) must still agree
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Seoul"));
        try {
            String quick = checkout("MUG", 1).get("orderId").asString();
            String full = checkout("MUG", 1).get("orderId").asString();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

            Boolean claimed = tx.execute(s -> claims.claimIfReady(quick, 9_000, tokenHash(quick), "quick-key-0123456789",
                    now, now.plus(STALE_AFTER)));
            tx.executeWithoutResult(s -> payments.lockByOrderId(full).orElseThrow()
                    .claimForConfirm("full-key-01234567890", now, STALE_AFTER));

            assertThat(claimed).isTrue();
            Map<String, Object> a = claimedColumns(quick);
            Map<String, Object> b = claimedColumns(full);
            assertThat(a).isEqualTo(b);
            assertThat(a.get("status")).isEqualTo("IN_PROGRESS");
            assertThat(a.get("version")).isEqualTo(1L);
            // and what the application reads back is the instant it wrote, in either zone
            Payment read = payments.findByOrderId(quick).orElseThrow();
            assertThat(read.nextRecoveryAt()).isEqualTo(now.plus(STALE_AFTER));
            assertThat(read.updatedAt()).isEqualTo(now);
            assertThat(read.paymentKey()).isEqualTo("quick-key-0123456789");
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void theQuickClaimChangesNothingTheFullPathMustDecide() {
        String orderId = checkout("STICKER", 2).get("orderId").asString();
        Payment before = payments.findByOrderId(orderId).orElseThrow();
        Instant now = Instant.now();

        // wrong amount (a tampered request: the full path records the security event)
        assertThat(claim(orderId, 5_999, now)).isFalse();
        // the checkout's 30 minutes are over (the full path expires it)
        assertThat(claim(orderId, 6_000, before.expiresAt())).isFalse();
        // unknown order
        assertThat(claim("no-such-order-000000", 6_000, now)).isFalse();
        // the right amount without the checkout's token (a stranger who knows the orderId)
        Boolean stranger = tx.execute(s -> claims.claimIfReady(orderId, 6_000, CheckoutToken.issue().hash(),
                "some-payment-key-0001", now, now.plus(STALE_AFTER)));
        Boolean noToken = tx.execute(s -> claims.claimIfReady(orderId, 6_000, null, "some-payment-key-0001", now,
                now.plus(STALE_AFTER)));
        assertThat(stranger).isFalse();
        assertThat(noToken).isFalse();

        Payment unchanged = payments.findByOrderId(orderId).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(PaymentStatus.READY);
        assertThat(unchanged.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(jdbc.queryForObject("SELECT version FROM payment WHERE order_id = ?", Long.class, orderId))
                .isZero();

        // a payment already claimed is not claimed twice (the full path answers a repeat from the stored state)
        assertThat(claim(orderId, 6_000, now)).isTrue();
        assertThat(claim(orderId, 6_000, now)).isFalse();
        assertThat(jdbc.queryForObject("SELECT version FROM payment WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(1L);
    }

    private boolean claim(String orderId, long amount, Instant now) {
        return Boolean.TRUE.equals(tx.execute(s -> claims.claimIfReady(orderId, amount, tokenHash(orderId),
                "some-payment-key-0001", now, now.plus(STALE_AFTER))));
    }

    private static String tokenHash(String orderId) {
        return CheckoutToken.hash(holderOf(orderId).get("X-Checkout-Token"));
    }

    /** The columns a claim sets, as the database holds them. */
    private Map<String, Object> claimedColumns(String orderId) {
        return jdbc.queryForMap("""
                SELECT status, CAST(updated_at AS CHAR) AS updated_at, CAST(confirm_started_at AS CHAR) AS started,
                       CAST(next_recovery_at AS CHAR) AS recheck, version
                FROM payment WHERE order_id = ?""", orderId);
    }
}
