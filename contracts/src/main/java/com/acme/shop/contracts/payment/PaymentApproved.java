package com.acme.shop.contracts.payment;

import com.acme.shop.contracts.EventPayload;
import com.acme.shop.contracts.LineItem;

import java.time.Instant;
import java.util.List;

/**
 * Toss approved the payment (status DONE). Consumers: order-service creates the order,
 * settlement-service books the sale.
 *
 * @param method         Toss's Korean method label as returned by Toss ({@code 카드}, {@code 간편결제}, ...)
 * @param easyPayProvider the easy-pay provider when one was used ({@code 토스페이}), else null
 * @param transactionKey Toss's key of the approval transaction (settlement matches on it)
 * @param items          what was bought, priced at checkout; the order is created from these lines
 */
public record PaymentApproved(String orderId, String paymentKey, String customerId, String orderName,
                              String method, String easyPayProvider, long totalAmount, String currency,
                              String transactionKey, Instant approvedAt, List<LineItem> items)
        implements EventPayload {

    public PaymentApproved {
        items = List.copyOf(items);
    }
}
