package com.acme.shop.admin.timeline;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface SagaSteps extends JpaRepository<SagaStep, Long> {

    /** The timeline: by when it happened, ties broken by arrival. */
    List<SagaStep> findByOrderIdOrderByOccurredAtAscIdAsc(String orderId);
}
