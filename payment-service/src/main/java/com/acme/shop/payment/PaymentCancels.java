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

    List<PaymentCancel> findByOrderIdAndStatusIn(String orderId, Collection<PaymentCancel.Status> statuses);

    long countByStatus(PaymentCancel.Status status);

    /**
     * What the refunds of this order still being worked on will take from its balance: their amounts, or the whole
     * balance for one that refunds whatever is left. Read under the payment's lock, so that a new refund is measured
     * against the balance less these and two operators can never refund more than the balance between them.
     */
    default long reservedFor(Payment locked) {
        long reserved = 0;
        for (PaymentCancel open : findByOrderIdAndStatusIn(locked.orderId(), PaymentCancel.Status.OPEN)) {
            if (open.cancelAmount() == null) {
                return locked.balanceAmount();
            }
            reserved += open.cancelAmount();
        }
        return Math.min(reserved, locked.balanceAmount());
    }

    /** One of our refunds of this order is still being worked on (its cancel at the PG may be done already). */
    default boolean refundInFlight(String orderId) {
        return existsByOrderIdAndStatusIn(orderId, PaymentCancel.Status.OPEN);
    }
}
