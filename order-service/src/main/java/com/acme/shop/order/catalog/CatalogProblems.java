package com.acme.shop.order.catalog;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The catalog's failures, each with the stable problem code clients (payment-service, storefront) branch on. */
final class CatalogProblems {

    private CatalogProblems() {
    }

    /** Echoes the id the caller sent (payment-service shows which line failed), cut to a sane length. */
    static final class ProductNotFound extends ApiException {
        ProductNotFound(String productId) {
            super(HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "상품을 찾을 수 없습니다: " + echo(productId),
                    Map.of("productId", echo(productId)));
        }
    }

    private static String echo(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    static final class ProductNotSellable extends ApiException {
        ProductNotSellable(String productId) {
            super(HttpStatus.CONFLICT, "PRODUCT_NOT_SELLABLE", "판매 중이 아닌 상품입니다: " + productId,
                    Map.of("productId", productId));
        }
    }

    static final class OutOfStock extends ApiException {
        OutOfStock(String productId, int requested, int available) {
            super(HttpStatus.CONFLICT, "OUT_OF_STOCK",
                    "재고 부족: %s (요청 %d, 재고 %d)".formatted(productId, requested, available),
                    Map.of("productId", productId, "requested", requested, "available", available));
        }
    }

    static final class DuplicateProduct extends ApiException {
        DuplicateProduct(String productId) {
            super(HttpStatus.BAD_REQUEST, "DUPLICATE_PRODUCT",
                    "같은 상품이 여러 줄에 있습니다; 수량을 합쳐 한 줄로 보내 주세요: " + productId,
                    Map.of("productId", productId));
        }
    }
}
