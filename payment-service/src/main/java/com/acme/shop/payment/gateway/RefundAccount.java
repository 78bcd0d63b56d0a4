package com.acme.shop.payment.gateway;

/** A bank account a refund is paid into (deposited virtual accounts: the PG cannot refund to a card). */
public record RefundAccount(String bankCode, String accountNumber, String holderName) {
}
