package com.acme.shop.order.catalog;

import java.util.List;

/**
 * What a checkout costs, priced from the catalog (never from the client). payment-service stores the
 * amount and the order name and asks Toss to charge exactly that.
 *
 * @param totalAmount KRW won
 */
record Quote(List<QuoteLine> items, long totalAmount, String orderName) {

    static Quote of(List<QuoteLine> lines) {
        long total = 0;
        for (QuoteLine line : lines) {
            total = Math.addExact(total, line.lineAmount());
        }
        return new Quote(List.copyOf(lines), total, OrderNames.of(lines.stream().map(QuoteLine::productName).toList()));
    }
}
