package com.acme.shop.order;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Orders extends JpaRepository<Order, String> {

    boolean existsByOrderIdOrPaymentKey(String orderId, String paymentKey);

    List<Order> findTop50ByCustomerIdOrderByCreatedAtDesc(String customerId);
}
