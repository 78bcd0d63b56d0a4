package com.acme.shop.payment.confirm;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.gateway.InMemoryPaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What recovery takes as the answer to a confirm whose outcome we lost. */
class RecoveryAnswerTest {

    static final Instant STARTED = Instant.parse("2026-11-21T03:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(9);
    static final String ORDER = "order-1";
    static final String KEY = "pk_0123456789";

    final InMemoryPaymentGateway pg = new InMemoryPaymentGateway();
    final ConfirmAttempts attempts = new ConfirmAttempts(pg, orderId -> "confirm-" + orderId + "-2",
            new ConfirmProperties.Retry(3, Duration.ofMillis(200), 2.0, 0.5), millis -> { });

    static Payment lostAnswer() {
        Payment p = Payment.checkout(ORDER, "customer-1", "머그컵", List.of(new LineItem("MUG", "머그컵", 1, 9_000)),
                STARTED, Duration.ofMinutes(30));
        p.claimForConfirm(KEY, STARTED, Duration.ofMinutes(3));
        p.markOutcomeUnknown("read timeout", STARTED, STARTED.plusSeconds(5));
        return p;
    }

    PgResult<PgPayment> answerAt(Instant now) {
        return UnknownOutcomeRecovery.answer(lostAnswer(), attempts, now, WINDOW);
    }

    @Test
    void aDecisionThePgMadeIsTheAnswerWithoutConfirmingAgain() {
        pg.holds(InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.DONE, 9_000));

        assertThat(answerAt(STARTED.plusSeconds(30))).isInstanceOf(PgResult.Success.class);
        assertThat(pg.calls()).containsExactly("read order-1");
    }

    @Test
    void aPaymentThePgStillAwaitsIsConfirmedAgainUnderANewKeyInsideTheWindow() {
        pg.holds(InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.IN_PROGRESS, 9_000));

        PgResult<PgPayment> answer = answerAt(STARTED.plus(Duration.ofMinutes(5)));

        assertThat(answer).isInstanceOfSatisfying(PgResult.Success.class,
                s -> assertThat(((PgPayment) s.value()).status()).isEqualTo(PgStatus.DONE));
        assertThat(pg.calls()).containsExactly("read order-1", "confirm confirm-order-1-2");
    }

    @Test
    void pastTheWindowNothingIsSentAndThePgIsLeftToExpireIt() {
        pg.holds(InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.IN_PROGRESS, 9_000));

        PgResult<PgPayment> answer = answerAt(STARTED.plus(WINDOW));

        assertThat(answer).isInstanceOf(PgResult.Unknown.class);
        assertThat(pg.calls()).containsExactly("read order-1");
    }

    @Test
    void anUnreadablePgIsUnknown() {
        pg.answerReads(new PgResult.Retryable<>("FAILED_INTERNAL_SYSTEM_PROCESSING", "잠시 후", 500, false));

        assertThat(answerAt(STARTED.plusSeconds(30))).isInstanceOf(PgResult.Unknown.class);
    }

    @Test
    void anUnreachablePgNeverReleasesThePaymentSinceTheLostConfirmMayHaveBeenProcessed() {
        pg.answerReads(new PgResult.Success<>(Optional.of(
                        InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.IN_PROGRESS, 9_000))))
                .answerConfirms(new PgResult.Unavailable<>("breaker open"));

        PgResult<PgPayment> answer = answerAt(STARTED.plusSeconds(30));

        assertThat(answer).isInstanceOfSatisfying(PgResult.Unknown.class,
                u -> assertThat(u.reason()).isEqualTo("breaker open"));
    }
}
