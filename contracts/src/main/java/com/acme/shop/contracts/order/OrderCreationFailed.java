package com.acme.shop.contracts.order;

import com.acme.shop.contracts.EventPayload;

/**
 * order-service could not create the order for an approved payment. payment-service answers with a
 * compensating refund of the whole remaining balance at Toss.
 *
 * @param reasonCode machine-readable cause, see {@link FailureReason}
 * @param reason     human-readable detail for operators (Korean is fine)
 */
public record OrderCreationFailed(String orderId, String paymentKey, long amount, FailureReason reasonCode,
                                  String reason) implements EventPayload {
}
