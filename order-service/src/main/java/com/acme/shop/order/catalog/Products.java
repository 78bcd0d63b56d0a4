package com.acme.shop.order.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Products extends JpaRepository<Product, String> {

    List<Product> findBySellableTrueOrderByProductIdAsc();
}
