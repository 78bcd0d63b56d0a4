package com.acme.shop.payment.toss;

import com.acme.shop.payment.payment.PaymentGateway;
import com.acme.shop.payment.payment.PgPayment;
import com.acme.shop.payment.payment.PgResult;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link PaymentGateway} backed by Toss Payments. Maps Toss's wire types and errors to our terms. */
class TossPaymentGateway implements PaymentGateway {

    private final TossClient toss;

    TossPaymentGateway(TossClient toss) {
        this.toss = toss;
    }

    @Override
    public PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return attempt(() -> toPg(toss.confirm(new TossWire.ConfirmRequest(paymentKey, orderId, amount), idempotencyKey)));
    }

    @Override
    public PgResult<Optional<PgPayment>> findByOrderId(String orderId) {
        try {
            return new PgResult.Success<>(Optional.of(toPg(toss.getByOrderId(orderId))));
        } catch (TossApiException e) {
            if (e.httpStatus() == 404) {
                return new PgResult.Success<>(Optional.empty());
            }
            return failure(e);
        } catch (TossException e) {
            return failure(e);
        }
    }

    @Override
    public PgResult<PgPayment> cancel(String paymentKey, Long cancelAmount, String reason, String idempotencyKey) {
        return attempt(() -> toPg(toss.cancel(paymentKey, new TossWire.CancelRequest(reason, cancelAmount), idempotencyKey)));
    }

    private static <T> PgResult<T> attempt(Supplier<T> call) {
        try {
            return new PgResult.Success<>(call.get());
        } catch (TossException e) {
            return failure(e);
        }
    }

    /**
     * TRANSIENT errors are reported as unknown here: the caller re-reads the payment from Toss before any
     * re-send, which is right whether or not Toss did anything.
     */
    private static <T> PgResult<T> failure(TossException e) {
        return switch (e.kind()) {
            case NOT_SENT -> new PgResult.Unavailable<>(e.getMessage());
            case TRANSIENT, OUTCOME_UNKNOWN -> new PgResult.Unknown<>(e.getMessage());
            case FINAL -> {
                TossApiException api = (TossApiException) e;
                yield new PgResult.Rejected<>(api.code(), api.tossMessage(), api.httpStatus());
            }
        };
    }

    static PgPayment toPg(TossWire.Payment p) {
        List<PgPayment.PgCancel> cancels = p.cancels() == null ? List.of() : p.cancels().stream()
                .filter(c -> c.cancelStatus() == null || "DONE".equals(c.cancelStatus()))
                .map(c -> new PgPayment.PgCancel(c.transactionKey(), nz(c.cancelAmount()), nz(c.refundableAmount()),
                        c.cancelReason(), c.canceledAt() == null ? null : c.canceledAt().toInstant()))
                .toList();
        return new PgPayment(p.paymentKey(), p.orderId(), p.status(), p.method(),
                p.easyPay() == null ? null : p.easyPay().provider(), nz(p.totalAmount()), nz(p.balanceAmount()),
                p.lastTransactionKey(), instant(p.approvedAt()),
                p.failure() == null ? null : p.failure().code(), p.failure() == null ? null : p.failure().message(),
                cancels);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
