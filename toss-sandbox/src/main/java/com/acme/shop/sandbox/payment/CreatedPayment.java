package com.acme.shop.sandbox.payment;

/** What the payment window hands to the merchant's successUrl. */
public record CreatedPayment(String paymentKey, String orderId, long amount) {
}
