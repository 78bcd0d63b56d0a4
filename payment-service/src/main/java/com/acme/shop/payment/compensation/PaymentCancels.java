package com.acme.shop.payment.compensation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface PaymentCancels extends JpaRepository<PaymentCancel, Long> {

    Optional<PaymentCancel> findByRequestId(String requestId);

    List<PaymentCancel> findByOrderIdOrderById(String orderId);

    List<PaymentCancel> findByStatusOrderByIdDesc(PaymentCancel.Status status, org.springframework.data.domain.Limit limit);

    @Query("select c.transactionKey from PaymentCancel c where c.orderId = :orderId and c.transactionKey is not null")
    List<String> recordedTransactionKeys(String orderId);

    @Query(value = """
            SELECT id FROM payment_cancel WHERE status IN ('REQUESTED', 'RETRYING') AND next_attempt_at <= :now
            ORDER BY next_attempt_at LIMIT 50""", nativeQuery = true)
    List<Long> findDue(Instant now);

    /**
     * Takes a lease on a due refund: only the instance whose update hits the row works on it until the
     * lease ends. Counts the attempt. Returns 1 when the lease is ours.
     */
    @Modifying
    @Transactional
    @Query(value = """
            UPDATE payment_cancel SET next_attempt_at = :leaseUntil, attempts = attempts + 1, version = version + 1
            WHERE id = :id AND status IN ('REQUESTED', 'RETRYING') AND next_attempt_at <= :now""", nativeQuery = true)
    int lease(Long id, Instant now, Instant leaseUntil);
}
