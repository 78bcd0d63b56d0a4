package com.acme.shop.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static final Instant AUTHENTICATED_AT = Instant.parse("2026-01-02T03:04:05Z");

    static final Duration SESSION = Duration.ofMinutes(10);

    @Test
    void confirmsWithTheAuthenticatedOrderAndAmount() {
        Payment payment = newPayment(1000);

        payment.confirm("order-0001", 1000, approval(AUTHENTICATED_AT.plusSeconds(5), "T1"));

        PaymentSnapshot done = payment.snapshot();
        assertThat(done.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(done.approvedAt()).isEqualTo(AUTHENTICATED_AT.plusSeconds(5));
        assertThat(done.lastTransactionKey()).isEqualTo("T1");
        assertThat(done.secret()).isEqualTo("ps_secret");
    }

    @Test
    void refusesTamperedAmountAndKeepsWaiting() {
        Payment payment = newPayment(1000);

        assertThatThrownBy(() -> payment.confirm("order-0001", 10, approval(AUTHENTICATED_AT, "T1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.INVALID_REQUEST));
        assertThat(payment.snapshot().status()).isEqualTo(PaymentStatus.IN_PROGRESS);
    }

    @Test
    void refusesSecondConfirm() {
        Payment payment = newPayment(1000);
        payment.confirm("order-0001", 1000, approval(AUTHENTICATED_AT, "T1"));

        assertThatThrownBy(() -> payment.confirm("order-0001", 1000, approval(AUTHENTICATED_AT, "T2")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.ALREADY_PROCESSED_PAYMENT));
        assertThat(payment.snapshot().lastTransactionKey()).isEqualTo("T1");
    }

    @Test
    void expiresAfterTheSessionTimeout() {
        Payment payment = newPayment(1000);

        assertThatThrownBy(() -> payment.confirm("order-0001", 1000,
                approval(AUTHENTICATED_AT.plus(SESSION).plusSeconds(1), "T1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.NOT_FOUND_PAYMENT_SESSION));
        PaymentSnapshot expired = payment.snapshot();
        assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(expired.failure().code()).isEqualTo("EXPIRED_PAYMENT");
    }

    @Test
    void declineAbortsOnlyWhileInProgress() {
        Payment declined = newPayment(1000);
        Payment approved = newPayment(1000);
        approved.confirm("order-0001", 1000, approval(AUTHENTICATED_AT, "T1"));

        declined.decline(TossErrorCode.REJECT_CARD_PAYMENT);
        approved.decline(TossErrorCode.REJECT_CARD_PAYMENT);

        assertThat(declined.snapshot().status()).isEqualTo(PaymentStatus.ABORTED);
        assertThat(declined.snapshot().failure().code()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(approved.snapshot().status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void cancelsPartiallyThenFully() {
        Payment payment = newPayment(10000);
        payment.confirm("order-0001", 10000, approval(AUTHENTICATED_AT, "T1"));

        payment.cancel(3000L, "partial", null, new Payment.CancelTransaction(AUTHENTICATED_AT, "C1"));
        assertThat(payment.snapshot().status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(payment.snapshot().balanceAmount()).isEqualTo(7000);

        payment.cancel(null, "rest", 7000L, new Payment.CancelTransaction(AUTHENTICATED_AT, "C2"));
        PaymentSnapshot canceled = payment.snapshot();
        assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(canceled.balanceAmount()).isZero();
        assertThat(canceled.cancels()).extracting(Cancel::refundableAmount).containsExactly(7000L, 0L);
        assertThat(canceled.lastTransactionKey()).isEqualTo("C2");
    }

    @Test
    void refusesCancelsOutsideTheRules() {
        Payment waiting = newPayment(1000);
        assertThatThrownBy(() -> waiting.cancel(null, "x", null, cancelAt("C1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.NOT_CANCELABLE_PAYMENT));

        Payment payment = newPayment(1000);
        payment.confirm("order-0001", 1000, approval(AUTHENTICATED_AT, "T1"));
        assertThatThrownBy(() -> payment.cancel(1001L, "x", null, cancelAt("C1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.NOT_CANCELABLE_AMOUNT));
        assertThatThrownBy(() -> payment.cancel(-1L, "x", null, cancelAt("C1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.NOT_CANCELABLE_AMOUNT));
        assertThatThrownBy(() -> payment.cancel(100L, "x", 999L, cancelAt("C1")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.NOT_MATCHES_REFUNDABLE_AMOUNT));

        payment.cancel(null, "x", null, cancelAt("C1"));
        assertThatThrownBy(() -> payment.cancel(null, "x", null, cancelAt("C2")))
            .isInstanceOfSatisfying(TossException.class,
                    error -> assertThat(error.code()).isEqualTo(TossErrorCode.ALREADY_CANCELED_PAYMENT));
    }

    private static Payment newPayment(long amount) {
        return Payment.authenticated("tosspayments", "tvivaKey",
                new NewPayment("order-0001", amount, "주문", PaymentMethod.CARD, null), AUTHENTICATED_AT);
    }

    private static Payment.Approval approval(Instant at, String transactionKey) {
        return new Payment.Approval(at, transactionKey, "ps_secret", SESSION);
    }

    private static Payment.CancelTransaction cancelAt(String transactionKey) {
        return new Payment.CancelTransaction(AUTHENTICATED_AT, transactionKey);
    }

}
