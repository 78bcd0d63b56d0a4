package com.acme.shop.payment.gateway.toss;

import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.PgStatus;
import com.acme.shop.payment.gateway.RefundAccount;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link PaymentGateway} backed by Toss Payments. Maps Toss's wire types and errors to our terms. Every
 * call goes through a circuit breaker: when Toss keeps failing (no answer, 5xx), calls stop for a while and
 * answer {@link PgResult.Unavailable} at once: the request never left, so nothing can have been charged.
 */
class TossPaymentGateway implements PaymentGateway {

    private final TossClient toss;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    TossPaymentGateway(TossClient toss, CircuitBreaker breaker, Bulkhead bulkhead) {
        this.toss = toss;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
    }

    @Override
    public PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return attempt(() -> toPg(toss.confirm(new TossWire.ConfirmRequest(paymentKey, orderId, amount), idempotencyKey)));
    }

    @Override
    public PgResult<Optional<PgPayment>> findByOrderId(String orderId) {
        PgResult<PgPayment> result = attempt(() -> toPg(toss.getByOrderId(orderId)));
        return switch (result) {
            case PgResult.Success<PgPayment> found -> new PgResult.Success<>(Optional.of(found.value()));
            case PgResult.Rejected<PgPayment> rejected when rejected.httpStatus() == 404 ->
                    new PgResult.Success<>(Optional.empty());
            case PgResult.Rejected<PgPayment> r -> new PgResult.Rejected<>(r.code(), r.message(), r.httpStatus());
            case PgResult.Retryable<PgPayment> r -> new PgResult.Retryable<>(r.code(), r.message(), r.httpStatus(), r.sameKey());
            case PgResult.Unknown<PgPayment> u -> new PgResult.Unknown<>(u.reason());
            case PgResult.Unavailable<PgPayment> u -> new PgResult.Unavailable<>(u.reason());
        };
    }

    @Override
    public PgResult<PgPayment> cancel(String paymentKey, Long cancelAmount, String reason, RefundAccount refundAccount,
                                      String idempotencyKey) {
        TossWire.RefundReceiveAccount account = refundAccount == null ? null : new TossWire.RefundReceiveAccount(
                refundAccount.bankCode(), refundAccount.accountNumber(), refundAccount.holderName());
        return attempt(() -> toPg(toss.cancel(paymentKey, new TossWire.CancelRequest(reason, cancelAmount, account),
                idempotencyKey)));
    }

    private <T> PgResult<T> attempt(Supplier<T> call) {
        try {
            // the bulkhead outside the breaker: a call refused for lack of room says nothing about Toss's health
            return new PgResult.Success<>(bulkhead.executeSupplier(() -> breaker.executeSupplier(call)));
        } catch (BulkheadFullException full) {
            return new PgResult.Unavailable<>("too many calls to Toss in flight (bulkhead " + bulkhead.getName()
                    + "); request not sent");
        } catch (CallNotPermittedException open) {
            return new PgResult.Unavailable<>("circuit breaker to Toss is open; request not sent");
        } catch (TossException e) {
            return failure(e);
        }
    }

    private static <T> PgResult<T> failure(TossException e) {
        return switch (e) {
            case TossTransportException transport -> transport.kind() == TossErrorKind.NOT_SENT
                    ? new PgResult.Unavailable<>(e.getMessage())
                    : new PgResult.Unknown<>(e.getMessage());
            case TossApiException api -> switch (api.kind()) {
                case NOT_SENT -> new PgResult.Unavailable<>(api.getMessage());
                case TRANSIENT, OUTCOME_UNKNOWN -> new PgResult.Retryable<>(api.code(), api.tossMessage(),
                        api.httpStatus(), "IDEMPOTENT_REQUEST_PROCESSING".equals(api.code()));
                case FINAL -> new PgResult.Rejected<>(api.code(), api.tossMessage(), api.httpStatus());
            };
        };
    }

    /** Whether a failed call says something about Toss's health (for the breaker): declines do not. */
    static boolean countsAgainstToss(Throwable t) {
        return switch (t) {
            case TossTransportException transport -> true;
            case TossApiException api -> api.httpStatus() >= 500 || api.httpStatus() == 429;
            default -> false;
        };
    }

    static PgPayment toPg(TossWire.Payment p) {
        List<PgPayment.PgCancel> cancels = p.cancels() == null ? List.of() : p.cancels().stream()
                .filter(c -> c.cancelStatus() == null || "DONE".equals(c.cancelStatus()))
                .map(c -> new PgPayment.PgCancel(c.transactionKey(), nz(c.cancelAmount()), nz(c.refundableAmount()),
                        c.cancelReason(), instant(c.canceledAt())))
                .toList();
        return new PgPayment(p.paymentKey(), p.orderId(), status(p.status()), PgMethod.ofLabel(p.method()),
                p.easyPay() == null ? null : p.easyPay().provider(), nz(p.totalAmount()), nz(p.balanceAmount()),
                p.lastTransactionKey(), instant(p.approvedAt()),
                p.failure() == null ? null : p.failure().code(), p.failure() == null ? null : p.failure().message(),
                cancels, p.secret(), virtualAccount(p.virtualAccount()), card(p.card()),
                p.receipt() == null ? null : p.receipt().url());
    }

    /** Toss's status names are ours (docs/toss-api.md, section 4); one added later is not acted on. */
    static PgStatus status(String name) {
        if (name == null) {
            return PgStatus.UNRECOGNIZED;
        }
        try {
            return PgStatus.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return PgStatus.UNRECOGNIZED;
        }
    }

    private static PgPayment.PgCard card(TossWire.Card card) {
        return card == null ? null : new PgPayment.PgCard(card.issuerCode(), card.number(), card.installmentPlanMonths(),
                card.approveNo(), card.cardType());
    }

    private static PgPayment.PgVirtualAccount virtualAccount(TossWire.VirtualAccount va) {
        if (va == null) {
            return null;
        }
        return new PgPayment.PgVirtualAccount(va.bankCode(), va.accountNumber(), dueDate(va.dueDate()),
                Boolean.TRUE.equals(va.expired()));
    }

    /** Toss documents {@code yyyy-MM-dd'T'HH:mm:ss} (KST implied) and has been seen sending an offset too. */
    static Instant dueDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException noOffset) {
            return java.time.LocalDateTime.parse(value).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
        }
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
