package com.acme.shop.payment.confirm;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * The common case of a confirm's claim as one compare-and-set statement instead of loading the payment:
 * READY -> IN_PROGRESS with exactly the changes {@link com.acme.shop.payment.Payment#claimForConfirm} makes, and only if the
 * amount matches the checkout, the caller presented the checkout's token and the checkout has not expired. Anything else (a repeat, a refusal, an
 * expiry, a payment released after a 503) changes nothing here and takes {@link ConfirmService}'s full
 * path, which loads the payment and decides under its lock. {@code ConfirmClaimsIT} holds the two paths
 * to the same result.
 */
@Repository
class ConfirmClaims {

    private final JdbcTemplate jdbc;

    ConfirmClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call claimed the payment */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean claimIfReady(String orderId, long amount, String checkoutTokenHash, String paymentKey, Instant now,
                         Instant staleAt) {
        // Instants as UTC wall time, as Hibernate writes them (hibernate.jdbc.time_zone=UTC), whatever the JVM's zone.
        java.time.LocalDateTime at = UtcTime.of(now);
        return jdbc.update("""
                UPDATE payment SET status = 'IN_PROGRESS', payment_key = ?, updated_at = ?,
                    confirm_started_at = COALESCE(confirm_started_at, ?), next_recovery_at = ?, version = version + 1
                WHERE order_id = ? AND status = 'READY' AND total_amount = ? AND expires_at > ?
                  AND (checkout_token_hash = ? OR checkout_token_hash IS NULL)""",
                paymentKey, at, at, UtcTime.of(staleAt), orderId, amount, at, checkoutTokenHash) == 1;
    }
}
