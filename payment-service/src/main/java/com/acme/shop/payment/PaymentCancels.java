package com.acme.shop.payment;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PaymentCancels extends JpaRepository<PaymentCancel, Long> {

    Optional<PaymentCancel> findByRequestId(String requestId);

    List<PaymentCancel> findByOrderIdOrderById(String orderId);

    List<PaymentCancel> findByStatusOrderByIdDesc(PaymentCancel.Status status, Limit limit);

    boolean existsByOrderIdAndStatusIn(String orderId, Collection<PaymentCancel.Status> statuses);

    /** One of our refunds of this order is still being worked on (its cancel at the PG may be done already). */
    default boolean refundInFlight(String orderId) {
        return existsByOrderIdAndStatusIn(orderId, PaymentCancel.Status.OPEN);
    }
}
