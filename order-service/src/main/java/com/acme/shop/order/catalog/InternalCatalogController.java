package com.acme.shop.order.catalog;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "internal catalog", description = "For our services: checkout quotes and stock overrides")
@Door(Caller.SERVICE)
class InternalCatalogController {

    private final Catalog catalog;

    InternalCatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Prices a checkout from the catalog: lines, total and order name",
            description = "payment-service calls it at checkout; prices never come from the client. Nothing is reserved: "
                    + "stock is taken when the order is created from PAYMENT_APPROVED.")
    @ApiProblem(status = 400, codes = "DUPLICATE_PRODUCT", when = "a product appears on two lines")
    @ApiProblem(status = 404, codes = "PRODUCT_NOT_FOUND", when = "a product does not exist")
    @ApiProblem(status = 409, codes = {"PRODUCT_NOT_SELLABLE", "OUT_OF_STOCK"},
            when = "a product is not on sale, or has less stock than asked for")
    @PostMapping("/quotes")
    Quote quote(@Valid @RequestBody QuoteRequest request) {
        return catalog.quote(request.items());
    }

    @Operation(summary = "Sets a product's stock (operators through admin-service, the demo, tests)")
    @ApiProblem(status = 404, codes = "PRODUCT_NOT_FOUND", when = "no product has this id")
    @ApiProblem(status = 409, codes = "CONCURRENT_UPDATE", when = "the product changed at the same moment; read and retry")
    @PutMapping("/products/{productId}/stock")
    ProductView changeStock(@PathVariable String productId, @Valid @RequestBody StockChange request) {
        return catalog.changeStock(productId, request.stock());
    }

    /** A whole number of pieces, 0 to 1,000,000 (strict JSON: {@code 5.0}, {@code "5"} and {@code 5.5} are refused). */
    record StockChange(@NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }
}
