package com.acme.shop.admin.timeline;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Sagas extends JpaRepository<Saga, String> {

    List<Saga> findAllByOrderByLastStepAtDescOrderIdDesc(Limit limit);

    List<Saga> findByStatusOrderByLastStepAtDescOrderIdDesc(SagaStatus status, Limit limit);
}
