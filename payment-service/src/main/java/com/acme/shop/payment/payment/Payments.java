package com.acme.shop.payment.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Payments extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderId(String orderId);

    List<Payment> findByStatusOrderByUpdatedAtDesc(PaymentStatus status, org.springframework.data.domain.Limit limit);

    /** Row lock for the short transactions around a PG call: serialises state changes of one payment. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.orderId = :orderId")
    Optional<Payment> lockByOrderId(String orderId);

    @Query(value = """
            SELECT order_id FROM payment WHERE status IN ('IN_PROGRESS', 'OUTCOME_UNKNOWN')
            AND next_recovery_at <= :now ORDER BY next_recovery_at LIMIT 50""", nativeQuery = true)
    List<String> findDueForRecovery(Instant now);

    /**
     * Takes a lease on a payment for one recovery attempt: only the instance whose update hits the row
     * works on it until {@code leaseUntil}. Counts the attempt. Returns 1 when the lease is ours.
     */
    @Modifying
    @Transactional
    @Query(value = """
            UPDATE payment SET next_recovery_at = :leaseUntil, recovery_attempts = recovery_attempts + 1,
                version = version + 1
            WHERE order_id = :orderId AND status IN ('IN_PROGRESS', 'OUTCOME_UNKNOWN') AND next_recovery_at <= :now""",
            nativeQuery = true)
    int leaseForRecovery(String orderId, Instant now, Instant leaseUntil);

    @Query("select p.orderId from Payment p where p.status = com.acme.shop.payment.payment.PaymentStatus.WAITING_FOR_DEPOSIT"
            + " and p.virtualAccountDueAt <= :now order by p.virtualAccountDueAt")
    List<String> findOverdueDepositOrderIds(Instant now, org.springframework.data.domain.Limit limit);

    @Query("select p.orderId from Payment p where p.status = com.acme.shop.payment.payment.PaymentStatus.READY"
            + " and p.expiresAt <= :now order by p.expiresAt")
    List<String> findExpiredReadyOrderIds(Instant now, org.springframework.data.domain.Limit limit);
}
