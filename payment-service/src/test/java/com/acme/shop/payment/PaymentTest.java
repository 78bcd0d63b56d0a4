package com.acme.shop.payment;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTest {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    static final Duration STALE = Duration.ofMinutes(2);
    static final List<LineItem> LINES = List.of(new LineItem("TSHIRT", "토스 티셔츠", 2, 15_000),
            new LineItem("MUG", "토스 머그컵", 1, 9_000));

    static Payment ready() {
        return Payment.checkout("order-abcdef", "customer-1", "토스 티셔츠 외 1건", LINES, NOW, Duration.ofMinutes(30));
    }

    static PgPayment pgDone(long balance) {
        return new PgPayment("pk_1234567890", "order-abcdef", PgStatus.DONE, PgMethod.CARD, null, 39_000, balance,
                "TX-APPROVAL",
                NOW.plusSeconds(5), null, null, List.of(), null, null);
    }

    static Payment done() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);
        p.approve(pgDone(39_000), NOW.plusSeconds(5));
        return p;
    }

    @Test
    void checkoutTotalsTheCatalogLinesAndExpiresAfterTheWindow() {
        Payment p = ready();

        assertThat(p.totalAmount()).isEqualTo(39_000);
        assertThat(p.status()).isEqualTo(PaymentStatus.READY);
        assertThat(p.isExpired(NOW.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(p.isExpired(NOW.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(p.isPaid()).isFalse();
        assertThat(p.canBeCanceled()).isFalse();
        assertThat(p.cancelableAmount()).isZero();
    }

    @Test
    void approvalReturnsTheEventWithItemsAndTossKeys() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);

        PaymentApproved event = p.approve(pgDone(39_000), NOW.plusSeconds(5));

        assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(p.isPaid()).isTrue();
        assertThat(event.totalAmount()).isEqualTo(39_000);
        assertThat(event.paymentKey()).isEqualTo("pk_1234567890");
        assertThat(event.transactionKey()).isEqualTo("TX-APPROVAL");
        assertThat(event.items()).containsExactlyElementsOf(LINES);
    }

    @Test
    void partialThenFullCancelTracksBalance() {
        Payment p = done();

        PaymentCanceled first = p.recordCancel(9_000, 30_000, "TX-C1", "부분 환불", CancelCause.MANUAL, NOW, NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(p.cancelableAmount()).isEqualTo(30_000);
        assertThat(p.canceledAmount()).isEqualTo(9_000);
        assertThat(first.fullyCanceled()).isFalse();

        PaymentCanceled rest = p.recordCancel(30_000, 0, "TX-C2", "전액 환불", CancelCause.MANUAL, NOW, NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(p.canBeCanceled()).isFalse();
        assertThat(p.canceledAmount()).isEqualTo(39_000);
        assertThat(rest.fullyCanceled()).isTrue();
    }

    @Test
    void refusesCancelAboveCancelableAmount() {
        Payment p = done();

        assertThatThrownBy(() -> p.recordCancel(39_001, 0, "TX", "r", CancelCause.MANUAL, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.recordCancel(0, 39_000, "TX", "r", CancelCause.MANUAL, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void releasedClaimMakesThePaymentConfirmableAgain() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);

        p.releaseClaim(NOW);

        assertThat(p.status()).isEqualTo(PaymentStatus.READY);
        p.claimForConfirm("pk_1234567890", NOW, STALE);
        assertThat(p.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
    }

    @Test
    void unknownOutcomeCanStillBeApproved() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);
        p.markOutcomeUnknown("read timeout", NOW, NOW.plusSeconds(5));

        p.approve(pgDone(39_000), NOW);

        assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(p.failureCode()).isNull();
    }

    @Test
    void unresolvedConfirmsAreScheduledForRecoveryAndCanBeParked() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);
        assertThat(p.nextRecoveryAt()).isEqualTo(NOW.plus(STALE));
        assertThat(p.insideConfirmWindow(NOW.plus(Duration.ofMinutes(8)), Duration.ofMinutes(9))).isTrue();
        assertThat(p.insideConfirmWindow(NOW.plus(Duration.ofMinutes(9)), Duration.ofMinutes(9))).isFalse();

        p.markOutcomeUnknown("read timeout", NOW, NOW.plusSeconds(5));
        p.recheckAt(NOW.plusSeconds(15), "Toss unreadable", NOW);
        assertThat(p.nextRecoveryAt()).isEqualTo(NOW.plusSeconds(15));

        p.parkForReview("budget spent", NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
        assertThat(p.reviewReason()).isEqualTo("budget spent");
        assertThat(p.nextRecoveryAt()).isNull();
        assertThatThrownBy(() -> p.recheckAt(NOW, "x", NOW)).isInstanceOf(IllegalPaymentTransitionException.class);
    }

    @Test
    void aStaleClaimCanBeParkedDirectly() {
        Payment p = ready();
        p.claimForConfirm("pk_1234567890", NOW, STALE);

        p.parkForReview("Toss reports a different amount", NOW);

        assertThat(p.status()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
    }

    @Test
    void illegalTransitionsAreRefusedWithTheCurrentState() {
        Payment p = ready();
        assertThatThrownBy(() -> p.approve(pgDone(39_000), NOW))
                .isInstanceOf(IllegalPaymentTransitionException.class)
                .hasMessageContaining("READY").hasMessageContaining("DONE");

        Payment paid = done();
        assertThatThrownBy(() -> paid.abort("X", "y", NOW)).isInstanceOf(IllegalPaymentTransitionException.class);
        assertThatThrownBy(() -> paid.claimForConfirm("pk_other_key", NOW, STALE))
                .isInstanceOf(IllegalPaymentTransitionException.class);
        assertThat(paid.paymentKey()).isEqualTo("pk_1234567890");
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"ABORTED", "EXPIRED", "CANCELED"})
    void terminalStatesGoNowhere(PaymentStatus terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (PaymentStatus target : PaymentStatus.values()) {
            assertThat(terminal.canMoveTo(target)).as("%s -> %s", terminal, target).isFalse();
        }
    }

    @Test
    void anUnknownOutcomeIsNeverFailedDirectlyFromReady() {
        assertThat(PaymentStatus.READY.canMoveTo(PaymentStatus.DONE)).isFalse();
        assertThat(PaymentStatus.OUTCOME_UNKNOWN.canMoveTo(PaymentStatus.READY)).isFalse();
        assertThat(PaymentStatus.DONE.canMoveTo(PaymentStatus.ABORTED)).isFalse();
    }
}
