package com.acme.shop.payment.payment;

/** A bank account a refund is paid into (virtual-account payments: Toss cannot refund to a card). */
public record RefundAccount(String bankCode, String accountNumber, String holderName) {
}
