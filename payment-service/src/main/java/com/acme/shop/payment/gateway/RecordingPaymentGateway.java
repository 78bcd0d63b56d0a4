package com.acme.shop.payment.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.Optional;

/**
 * The gateway as the rest of the service sees it: the PG adapter, with what the PG answered to each confirm and
 * cancel written to {@code pg_request} against the request's key. Recording here, once, means no caller can forget
 * it and no two callers write it differently. A read (GET) carries no key and is not recorded. The record is a
 * journal, not the truth (the payment's own state is): when it cannot be written the answer still goes to the
 * caller, which records the state change or leaves it to recovery.
 */
public final class RecordingPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(RecordingPaymentGateway.class);

    private final PaymentGateway pg;
    private final PgRequests requests;

    public RecordingPaymentGateway(PaymentGateway pg, PgRequests requests) {
        this.pg = pg;
        this.requests = requests;
    }

    @Override
    public PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return recorded(idempotencyKey, "APPROVED", pg.confirm(paymentKey, orderId, amount, idempotencyKey));
    }

    @Override
    public PgResult<Optional<PgPayment>> findByOrderId(String orderId) {
        return pg.findByOrderId(orderId);
    }

    @Override
    public PgResult<PgPayment> cancel(String paymentKey, Long cancelAmount, String reason, RefundAccount refundAccount,
                                      String idempotencyKey) {
        return recorded(idempotencyKey, "CANCELED",
                pg.cancel(paymentKey, cancelAmount, reason, refundAccount, idempotencyKey));
    }

    private PgResult<PgPayment> recorded(String key, String success, PgResult<PgPayment> result) {
        try {
            record(key, success, result);
        } catch (DataAccessException e) {
            log.warn("Could not record the PG's answer to {} ({}): {}", key, result.getClass().getSimpleName(), e.toString());
        }
        return result;
    }

    private void record(String key, String success, PgResult<PgPayment> result) {
        switch (result) {
            case PgResult.Success<PgPayment> s -> requests.recordOutcome(key, success, 200, null);
            case PgResult.Rejected<PgPayment> r -> requests.recordOutcome(key, "REJECTED", r.httpStatus(), r.code());
            case PgResult.Retryable<PgPayment> r -> requests.recordOutcome(key, "RETRYABLE", r.httpStatus(), r.code());
            case PgResult.Unknown<PgPayment> u -> requests.recordOutcome(key, "UNKNOWN", null, null);
            case PgResult.Unavailable<PgPayment> u -> requests.recordOutcome(key, "NOT_SENT", null, null);
        }
    }
}
