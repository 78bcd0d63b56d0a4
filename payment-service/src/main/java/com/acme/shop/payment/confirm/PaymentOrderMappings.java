package com.acme.shop.payment.confirm;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code payment_order_mapping}: one row binds an orderId to the paymentKey Toss issued for it. Both
 * columns are unique, and the row is written in the claim transaction before Toss is called.
 */
@Repository
class PaymentOrderMappings {

    private final JdbcTemplate jdbc;

    PaymentOrderMappings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a confirm must check before anything else, in one round trip: the checkout's amount, the paymentKey
     * bound to the order (if any) and the order the presented paymentKey is bound to (if any).
     */
    record Precheck(long totalAmount, String checkoutTokenHash, String boundPaymentKey, String keyOwner) {
    }

    Optional<Precheck> precheck(String orderId, String paymentKey) {
        return jdbc.query("""
                SELECT p.total_amount, p.checkout_token_hash,
                       (SELECT m.payment_key FROM payment_order_mapping m WHERE m.order_id = p.order_id),
                       (SELECT k.order_id FROM payment_order_mapping k WHERE k.payment_key = ?)
                FROM payment p WHERE p.order_id = ?""",
                (rs, i) -> new Precheck(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), paymentKey,
                orderId)
                .stream().findFirst();
    }

    Optional<String> paymentKeyOf(String orderId) {
        return jdbc.queryForList("SELECT payment_key FROM payment_order_mapping WHERE order_id = ?", String.class, orderId)
                .stream().findFirst();
    }

    /** Undoes a binding the PG showed to be wrong: it does not know the key. */
    @Transactional(propagation = Propagation.MANDATORY)
    void unbind(String orderId, String paymentKey) {
        jdbc.update("DELETE FROM payment_order_mapping WHERE order_id = ? AND payment_key = ?", orderId, paymentKey);
    }

    /**
     * Throws DuplicateKeyException when the order or the key is already bound. That does not doom the caller's
     * transaction (the caller decides what a duplicate means), hence {@code noRollbackFor}.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DuplicateKeyException.class)
    void insert(String orderId, String paymentKey, Instant now) {
        jdbc.update("INSERT INTO payment_order_mapping (order_id, payment_key, created_at) VALUES (?, ?, ?)",
                orderId, paymentKey, UtcTime.of(now));
    }
}
