package com.acme.shop.order.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The storefront's view of the catalog. */
@RestController
@RequestMapping("/api/v1/products")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Products on sale, by product id. */
    @GetMapping
    List<ProductView> products() {
        return catalog.sellableProducts();
    }

    @GetMapping("/{productId}")
    ProductView product(@PathVariable String productId) {
        return catalog.product(productId);
    }
}
