package com.acme.shop.payment.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
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

    Optional<String> paymentKeyOf(String orderId) {
        return jdbc.queryForList("SELECT payment_key FROM payment_order_mapping WHERE order_id = ?", String.class, orderId)
                .stream().findFirst();
    }

    Optional<String> orderIdOf(String paymentKey) {
        return jdbc.queryForList("SELECT order_id FROM payment_order_mapping WHERE payment_key = ?", String.class,
                paymentKey).stream().findFirst();
    }

    /** Throws DuplicateKeyException when the order or the key is already bound. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(String orderId, String paymentKey, Instant now) {
        jdbc.update("INSERT INTO payment_order_mapping (order_id, payment_key, created_at) VALUES (?, ?, ?)",
                orderId, paymentKey, Timestamp.from(now));
    }
}
