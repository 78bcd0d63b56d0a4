package com.acme.shop.sandbox.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

import org.springframework.stereotype.Repository;

/** All payments, in memory, by paymentKey and by orderId. */
@Repository
class Payments {

    private final Map<String, Payment> byKey = new ConcurrentHashMap<>();

    private final Map<String, Payment> byOrderId = new ConcurrentHashMap<>();

    /**
     * Adds a payment unless its orderId is taken. Returns false when the paymentKey is taken, so the caller can draw
     * another key. Synchronized because two maps must change together; creation is rare.
     */
    synchronized boolean add(Payment payment) {
        if (byOrderId.containsKey(payment.orderId())) {
            throw new TossException(TossErrorCode.DUPLICATED_ORDER_ID);
        }
        if (byKey.putIfAbsent(payment.paymentKey(), payment) != null) {
            return false;
        }
        byOrderId.put(payment.orderId(), payment);
        return true;
    }

    Optional<Payment> byPaymentKey(String paymentKey) {
        return Optional.ofNullable(paymentKey).map(byKey::get);
    }

    Optional<Payment> byOrderId(String orderId) {
        return Optional.ofNullable(orderId).map(byOrderId::get);
    }

    /** Hook for the settlements endpoint (see {@link PaymentService#approvedPayments()}): every payment, unordered. */
    List<Payment> all() {
        return List.copyOf(byKey.values());
    }

}
