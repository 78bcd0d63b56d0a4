package com.acme.shop.payment.gateway;

import java.util.Optional;

/**
 * The port to a payment gateway (Toss today; a second PG can be added behind the same port). Every POST carries an
 * idempotency key that the caller took from {@link PgRequests} (derived from our own ids and recorded before the
 * call), so a re-send after a network failure can reuse it. What each call came to is recorded against its key by
 * the gateway bean itself ({@link RecordingPaymentGateway}), never by the callers.
 */
public interface PaymentGateway {

    /** The bean name of the gateway for reads that webhooks trigger: same PG, a circuit breaker of its own. */
    String FOR_WEBHOOKS = "paymentGatewayForWebhooks";

    PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String idempotencyKey);

    /** {@link PgResult.Success} with empty when the PG does not know the order. */
    PgResult<Optional<PgPayment>> findByOrderId(String orderId);

    /**
     * @param cancelAmount  null cancels the whole remaining balance
     * @param refundAccount where the money goes for a deposited virtual account; null for card-like methods
     */
    PgResult<PgPayment> cancel(String paymentKey, Long cancelAmount, String reason, RefundAccount refundAccount,
                               String idempotencyKey);
}
