package com.acme.shop.payment.confirm;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.gateway.InMemoryPaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each answer of the PG does to a payment awaiting its confirm's answer, and what the confirm answers. */
class ConfirmOutcomesTest {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    static final Instant RECHECK = NOW.plusSeconds(5);

    static Payment claimed() {
        Payment p = Payment.checkout("order-1", "customer-1", "머그컵", List.of(new LineItem("MUG", "머그컵", 1, 9_000)),
                NOW, Duration.ofMinutes(30));
        p.claimForConfirm("pk_0123456789", NOW, Duration.ofMinutes(3));
        return p;
    }

    /** The answer to the first confirm with a key (the common case). */
    static ConfirmResult decide(Payment p, PgResult<PgPayment> answer) {
        return ConfirmOutcomes.decide(p, answer, RECHECK, NOW, pg -> p.apply(pg, false, NOW), true);
    }

    static PgPayment pg(PgStatus status) {
        return InMemoryPaymentGateway.payment("order-1", "pk_0123456789", status, 9_000);
    }

    @Test
    void anApprovalIsAnsweredWithTheDonePayment() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Success<>(pg(PgStatus.DONE)));

        assertThat(result).isInstanceOf(ConfirmResult.Approved.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void anIssuedVirtualAccountIsShownToTheCustomer() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Success<>(pg(PgStatus.WAITING_FOR_DEPOSIT)));

        assertThat(result).isInstanceOf(ConfirmResult.AwaitingDeposit.class);
    }

    @Test
    void aDeclineEndsThePaymentWithThePgsCode() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Rejected<>("REJECT_CARD_PAYMENT", "한도초과", 403));

        assertThat(result).isInstanceOfSatisfying(ConfirmResult.Declined.class,
                d -> assertThat(d.code()).isEqualTo("REJECT_CARD_PAYMENT"));
        assertThat(p.status()).isEqualTo(PaymentStatus.ABORTED);
    }

    @Test
    void aLapsedDeadlineExpiresThePayment() {
        Payment p = claimed();

        decide(p, new PgResult.Rejected<>("EXPIRED_PAYMENT", "결제 유효 시간이 지났습니다", 400));

        assertThat(p.status()).isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void aRetryableOrMissingAnswerIsNeverAFailure() {
        Payment retryable = claimed();
        Payment unknown = claimed();

        ConfirmResult first = decide(retryable, new PgResult.Retryable<>("PROVIDER_ERROR", "잠시 후", 400, false));
        ConfirmResult second = decide(unknown, new PgResult.Unknown<>("read timeout"));

        assertThat(first).isInstanceOf(ConfirmResult.Pending.class);
        assertThat(second).isInstanceOf(ConfirmResult.Pending.class);
        assertThat(retryable.status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);
        assertThat(unknown.status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);
        assertThat(unknown.nextRecoveryAt()).isEqualTo(RECHECK);
        assertThat(unknown.failureMessage()).isEqualTo("read timeout");
    }

    @Test
    void aConfirmThatNeverReachedThePgReleasesTheClaim() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Unavailable<>("connection refused"));

        assertThat(result).isInstanceOf(ConfirmResult.NotSent.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.READY);
    }

    @Test
    void aPaymentAlreadyUnknownIsNeverReleasedOnlyRecheckedLater() {
        Payment p = claimed();
        p.markOutcomeUnknown("read timeout", NOW, NOW);

        ConfirmResult result = decide(p, new PgResult.Unavailable<>("breaker open"));

        assertThat(result).isInstanceOf(ConfirmResult.Pending.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);
        assertThat(p.nextRecoveryAt()).isEqualTo(RECHECK);
    }

    @Test
    void anAnswerThatDecidesNothingLeavesTheOutcomeUnknown() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Success<>(pg(PgStatus.IN_PROGRESS)));

        assertThat(result).isInstanceOf(ConfirmResult.Pending.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);
        assertThat(p.failureMessage()).contains("IN_PROGRESS");
    }

    @Test
    void aKeyThePgDoesNotKnowReleasesTheCheckoutForTheRealKeyInsteadOfFailingIt() {
        Payment p = claimed();

        ConfirmResult result = decide(p, new PgResult.Rejected<>("NOT_FOUND_PAYMENT", "존재하지 않는 결제 입니다.", 404));

        assertThat(result).isInstanceOf(ConfirmResult.UnknownPaymentKey.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.READY);
        assertThat(p.paymentKey()).isNull();
        assertThat(p.failureCode()).isNull();
    }

    @Test
    void aKeyUsedBeforeThatThePgNoLongerKnowsIsADeclineAsItAlwaysWas() {
        Payment p = claimed();

        // e.g. a re-confirm past the PG's 10-minute window: the session is gone
        ConfirmResult result = ConfirmOutcomes.decide(p, new PgResult.Rejected<>("NOT_FOUND_PAYMENT_SESSION",
                "결제 시간이 만료되었습니다", 404), RECHECK, NOW, pg -> p.apply(pg, false, NOW), false);

        assertThat(result).isInstanceOf(ConfirmResult.Declined.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.ABORTED);
    }

    @Test
    void anAnswerOfTheWrongAmountGoesToAPerson() {
        Payment p = claimed();
        PgPayment other = InMemoryPaymentGateway.payment("order-1", "pk_0123456789", PgStatus.DONE, 100);

        ConfirmResult result = decide(p, new PgResult.Success<>(other));

        assertThat(result).isInstanceOf(ConfirmResult.Pending.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
    }
}
