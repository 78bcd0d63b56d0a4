package com.acme.shop.sandbox.payment;

import java.time.Instant;

/**
 * Published (as a Spring application event, synchronously, after the change) whenever a payment's status changes or
 * a virtual account is issued. The webhook package turns it into Toss webhooks; listeners must return quickly, since
 * they run on the API request thread.
 *
 * @param status the new status, e.g. {@code DONE}
 * @param virtualAccount whether the payment is a virtual-account payment (DEPOSIT_CALLBACK applies)
 * @param transactionKey the payment's {@code lastTransactionKey} after the change
 * @param at when the change happened (sandbox clock)
 * @param payment the Payment object as the API returns it after the change (serialisable with Jackson)
 */
public record PaymentStatusChanged(String paymentKey, String orderId, String status, boolean virtualAccount,
        String secret, String transactionKey, Instant at, Object payment) {
}
