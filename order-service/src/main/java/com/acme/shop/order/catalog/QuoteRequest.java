package com.acme.shop.order.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /internal/v1/quotes} body: 1 to 20 lines of 1 to 100 pieces, each product at most once. */
record QuoteRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Item> items) {

    @Schema(name = "QuoteItem")
    record Item(@NotBlank @Size(max = 64) String productId,
                @NotNull @Min(1) @Max(100) Integer quantity) {
    }
}
