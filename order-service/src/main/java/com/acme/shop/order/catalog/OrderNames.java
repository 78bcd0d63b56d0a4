package com.acme.shop.order.catalog;

import java.util.List;

/** The order name Toss shows the customer: the first product's name, then {@code " 외 N건"} for the other lines. */
final class OrderNames {

    /** Toss's limit for {@code orderName}, and the contract's. */
    static final int MAX_LENGTH = 100;

    private static final String ELLIPSIS = "…";

    private OrderNames() {
    }

    static String of(List<String> productNames) {
        if (productNames.isEmpty()) {
            throw new IllegalArgumentException("an order name needs at least one product");
        }
        String first = productNames.getFirst();
        int others = productNames.size() - 1;
        String suffix = others == 0 ? "" : " 외 " + others + "건";
        if (first.length() + suffix.length() <= MAX_LENGTH) {
            return first + suffix;
        }
        // shorten the product name, never the count: "외 N건" is what tells the customer there is more
        int keep = MAX_LENGTH - suffix.length() - ELLIPSIS.length();
        if (Character.isHighSurrogate(first.charAt(keep - 1))) {
            keep--; // do not split an emoji or other supplementary character
        }
        return first.substring(0, keep) + ELLIPSIS + suffix;
    }
}
