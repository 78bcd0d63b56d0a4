package com.acme.shop.payment.gateway;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PG in memory, for unit tests of the rules around the port: it holds payments by orderId and answers as a
 * well-behaved PG would (confirm approves, read returns the payment, cancel cancels), unless a test scripted the next
 * answers of an operation. It records every call, so a test can say what was (not) sent.
 */
public final class InMemoryPaymentGateway implements PaymentGateway {

    private static final Instant APPROVED_AT = Instant.parse("2026-11-21T03:00:05Z");

    private final Map<String, PgPayment> payments = new HashMap<>();
    private final Deque<PgResult<PgPayment>> confirmAnswers = new ArrayDeque<>();
    private final Deque<PgResult<Optional<PgPayment>>> readAnswers = new ArrayDeque<>();
    private final Deque<PgResult<PgPayment>> cancelAnswers = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();

    /** A payment the PG knows, in the state the test wants. */
    public InMemoryPaymentGateway holds(PgPayment payment) {
        payments.put(payment.orderId(), payment);
        return this;
    }

    @SafeVarargs
    public final InMemoryPaymentGateway answerConfirms(PgResult<PgPayment>... answers) {
        confirmAnswers.addAll(List.of(answers));
        return this;
    }

    @SafeVarargs
    public final InMemoryPaymentGateway answerReads(PgResult<Optional<PgPayment>>... answers) {
        readAnswers.addAll(List.of(answers));
        return this;
    }

    @SafeVarargs
    public final InMemoryPaymentGateway answerCancels(PgResult<PgPayment>... answers) {
        cancelAnswers.addAll(List.of(answers));
        return this;
    }

    /** Every call as "confirm &lt;key&gt;", "read &lt;orderId&gt;" or "cancel &lt;key&gt;", in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Optional<PgPayment> payment(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public PgResult<PgPayment> confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        calls.add("confirm " + idempotencyKey);
        if (!confirmAnswers.isEmpty()) {
            return confirmAnswers.poll();
        }
        PgPayment held = payments.get(orderId);
        if (held == null || !held.paymentKey().equals(paymentKey)) {
            return new PgResult.Rejected<>("NOT_FOUND_PAYMENT", "존재하지 않는 결제 입니다.", 404);
        }
        if (held.status() != PgStatus.IN_PROGRESS) {
            return new PgResult.Retryable<>("ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.", 400, false);
        }
        PgPayment done = with(held, PgStatus.DONE, held.totalAmount(), "TX-APPROVAL-" + orderId, APPROVED_AT, List.of());
        payments.put(orderId, done);
        return new PgResult.Success<>(done);
    }

    @Override
    public PgResult<Optional<PgPayment>> findByOrderId(String orderId) {
        calls.add("read " + orderId);
        if (!readAnswers.isEmpty()) {
            return readAnswers.poll();
        }
        return new PgResult.Success<>(Optional.ofNullable(payments.get(orderId)));
    }

    @Override
    public PgResult<PgPayment> cancel(String paymentKey, Long cancelAmount, String reason, RefundAccount refundAccount,
                                      String idempotencyKey) {
        calls.add("cancel " + idempotencyKey);
        if (!cancelAnswers.isEmpty()) {
            return cancelAnswers.poll();
        }
        PgPayment held = payments.values().stream().filter(p -> p.paymentKey().equals(paymentKey)).findFirst()
                .orElse(null);
        if (held == null) {
            return new PgResult.Rejected<>("NOT_FOUND_PAYMENT", "존재하지 않는 결제 입니다.", 404);
        }
        long amount = cancelAmount == null ? held.balanceAmount() : cancelAmount;
        if (amount <= 0 || amount > held.balanceAmount()) {
            return new PgResult.Rejected<>("NOT_CANCELABLE_AMOUNT", "취소 할 수 없는 금액 입니다.", 403);
        }
        long balance = held.balanceAmount() - amount;
        List<PgPayment.PgCancel> cancels = new ArrayList<>(held.cancels());
        cancels.add(new PgPayment.PgCancel("TX-CANCEL-" + (cancels.size() + 1), amount, balance, reason, APPROVED_AT));
        PgPayment canceled = with(held, balance == 0 ? PgStatus.CANCELED : PgStatus.PARTIAL_CANCELED, balance,
                cancels.getLast().transactionKey(), held.approvedAt(), cancels);
        payments.put(held.orderId(), canceled);
        return new PgResult.Success<>(canceled);
    }

    /** A card payment as the PG shows it. */
    public static PgPayment payment(String orderId, String paymentKey, PgStatus status, long amount) {
        return new PgPayment(paymentKey, orderId, status, status == PgStatus.READY ? null : PgMethod.CARD, null, amount,
                amount, status == PgStatus.DONE ? "TX-APPROVAL-" + orderId : null,
                status == PgStatus.DONE ? APPROVED_AT : null, null, null, List.of(), "ps_secret_" + orderId, null);
    }

    private static PgPayment with(PgPayment p, PgStatus status, long balance, String lastTransactionKey,
                                  Instant approvedAt, List<PgPayment.PgCancel> cancels) {
        return new PgPayment(p.paymentKey(), p.orderId(), status, p.method(), p.easyPayProvider(), p.totalAmount(),
                balance, lastTransactionKey, approvedAt, p.failureCode(), p.failureMessage(), cancels, p.secret(),
                p.virtualAccount());
    }
}
