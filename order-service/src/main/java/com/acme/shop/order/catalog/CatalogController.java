package com.acme.shop.order.catalog;

import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The storefront's view of the catalog. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "catalog", description = "The storefront's catalog: prices and stock")
@Door(Caller.ANYONE)
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Products on sale, by product id. */
    @Operation(summary = "Products on sale, by product id")
    @GetMapping
    List<ProductView> products() {
        return catalog.sellableProducts();
    }

    @Operation(summary = "One product, on sale or not")
    @ApiProblem(status = 404, codes = "PRODUCT_NOT_FOUND", when = "no product has this id")
    @GetMapping("/{productId}")
    ProductView product(@PathVariable String productId) {
        return catalog.product(productId);
    }
}
