package com.acme.shop.sandbox.payment;

import java.time.Instant;

/** One cancel transaction; a payment lists them oldest first. */
record Cancel(long cancelAmount, String cancelReason, long refundableAmount, Instant canceledAt, String transactionKey) {
}
