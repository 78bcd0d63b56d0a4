package com.acme.shop.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Payments extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderId(String orderId);

    List<Payment> findByStatusOrderByUpdatedAtDesc(PaymentStatus status, Limit limit);

    long countByStatus(PaymentStatus status);

    /** Row lock for the short transactions around a PG call: serialises state changes of one payment. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.orderId = :orderId")
    Optional<Payment> lockByOrderId(String orderId);

    /**
     * The stored hash of a checkout's token: empty when there is no such payment, a null element for a checkout made
     * before tokens existed.
     */
    @Query("select p.checkoutTokenHash from Payment p where p.orderId = :orderId")
    List<String> checkoutTokenHashOf(String orderId);

    @Query("select p.orderId from Payment p where p.status = com.acme.shop.payment.PaymentStatus.READY"
            + " and p.expiresAt <= :now order by p.expiresAt")
    List<String> findExpiredReadyOrderIds(Instant now, Limit limit);
}
