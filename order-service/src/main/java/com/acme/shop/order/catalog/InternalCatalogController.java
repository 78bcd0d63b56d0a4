package com.acme.shop.order.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service endpoints (role SERVICE, see {@code OrderAccessRules}): the checkout quote for payment-service,
 * and a stock override for operators (through admin-service), the demo and tests.
 */
@RestController
@RequestMapping("/internal/v1")
class InternalCatalogController {

    private final Catalog catalog;

    InternalCatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/quotes")
    Quote quote(@Valid @RequestBody QuoteRequest request) {
        return catalog.quote(request.items());
    }

    @PutMapping("/products/{productId}/stock")
    ProductView changeStock(@PathVariable String productId, @Valid @RequestBody StockChange request) {
        return catalog.changeStock(productId, request.stock());
    }

    /** A whole number of pieces, 0 to 1,000,000 (strict JSON: {@code 5.0}, {@code "5"} and {@code 5.5} are refused). */
    record StockChange(@NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }
}
