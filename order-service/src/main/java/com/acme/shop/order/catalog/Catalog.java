package com.acme.shop.order.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
class Catalog {

    private final Products products;

    Catalog(Products products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    List<ProductView> sellableProducts() {
        return products.findBySellableTrueOrderByProductIdAsc().stream().map(Product::view).toList();
    }

    @Transactional(readOnly = true)
    ProductView product(String productId) {
        return find(productId).map(Product::view).orElseThrow(() -> new CatalogProblems.ProductNotFound(productId));
    }

    /** Prices the lines in the order given; the first failing line decides the problem. Takes no stock. */
    @Transactional(readOnly = true)
    Quote quote(List<QuoteRequest.Item> items) {
        Set<String> seen = new HashSet<>();
        for (QuoteRequest.Item item : items) {
            if (!seen.add(item.productId())) {
                throw new CatalogProblems.DuplicateProduct(item.productId());
            }
        }
        // an id that cannot exist is not looked up: the first such line is the missing product
        seen.removeIf(id -> !ProductIds.isWellFormed(id));
        Map<String, Product> byId = products.findAllById(seen).stream()
                .collect(Collectors.toMap(Product::productId, Function.identity()));
        List<QuoteLine> lines = items.stream().map(item -> {
            Product product = byId.get(item.productId());
            if (product == null) {
                throw new CatalogProblems.ProductNotFound(item.productId());
            }
            return product.quote(item.quantity());
        }).toList();
        return Quote.of(lines);
    }

    /**
     * Sets the stock to {@code stock}. The product's version guards the write: if an order took stock (or another
     * operator changed it) between the read and the write, this fails with an optimistic-lock conflict (409
     * {@code CONCURRENT_UPDATE}) instead of overwriting what the other writer did; the caller reads again and decides.
     */
    @Transactional
    ProductView changeStock(String productId, int stock) {
        Product product = find(productId).orElseThrow(() -> new CatalogProblems.ProductNotFound(productId));
        product.changeStock(stock);
        products.flush();
        return product.view();
    }

    private Optional<Product> find(String productId) {
        return ProductIds.isWellFormed(productId) ? products.findById(productId) : Optional.empty();
    }
}
