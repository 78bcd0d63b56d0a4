package com.acme.shop.payment.confirm;

import com.acme.shop.payment.gateway.InMemoryPaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The confirm's safe retries, against a PG in memory: what is sent, under which key, and what comes back. */
class ConfirmAttemptsTest {

    static final String ORDER = "order-1";
    static final String KEY = "pk_0123456789";

    final InMemoryPaymentGateway pg = new InMemoryPaymentGateway()
            .holds(InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.IN_PROGRESS, 9_000));
    final List<Long> waits = new ArrayList<>();
    int keysIssued = 1;
    final ConfirmAttempts attempts = new ConfirmAttempts(pg, orderId -> "confirm-" + orderId + "-" + (++keysIssued),
            new ConfirmProperties.Retry(3, Duration.ofMillis(200), 2.0, 0.5), waits::add);

    PgResult<PgPayment> confirm() {
        return attempts.confirm(KEY, ORDER, 9_000, "confirm-order-1-1");
    }

    static PgResult<PgPayment> serverError() {
        return new PgResult.Retryable<>("FAILED_INTERNAL_SYSTEM_PROCESSING", "잠시 후 다시", 500, false);
    }

    @Test
    void anApprovalOnTheFirstAttemptIsTheAnswer() {
        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOfSatisfying(PgResult.Success.class,
                s -> assertThat(((PgPayment) s.value()).status()).isEqualTo(PgStatus.DONE));
        assertThat(pg.calls()).containsExactly("confirm confirm-order-1-1");
        assertThat(waits).isEmpty();
    }

    @Test
    void afterAnErrorThePaymentIsReadAndConfirmedAgainUnderANewKeyWhileThePgStillAwaitsIt() {
        pg.answerConfirms(serverError());

        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOf(PgResult.Success.class);
        assertThat(pg.calls()).containsExactly("confirm confirm-order-1-1", "read order-1", "confirm confirm-order-1-2");
        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isBetween(100L, 300L)); // 200 ms +-50%
    }

    @Test
    void anApprovalFoundByTheReadIsTheAnswerAndNoSecondConfirmIsSent() {
        pg.answerConfirms(serverError())
                .answerReads(new PgResult.Success<>(Optional.of(
                        InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.DONE, 9_000))));

        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOfSatisfying(PgResult.Success.class,
                s -> assertThat(((PgPayment) s.value()).status()).isEqualTo(PgStatus.DONE));
        assertThat(pg.calls()).containsExactly("confirm confirm-order-1-1", "read order-1");
    }

    @Test
    void aFailureFoundByTheReadIsTheAnswerToo() {
        pg.answerConfirms(serverError())
                .answerReads(new PgResult.Success<>(Optional.of(
                        InMemoryPaymentGateway.payment(ORDER, KEY, PgStatus.ABORTED, 9_000))));

        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOfSatisfying(PgResult.Success.class,
                s -> assertThat(((PgPayment) s.value()).status()).isEqualTo(PgStatus.ABORTED));
    }

    @Test
    void stillProcessingIsAskedAgainUnderTheSameKey() {
        pg.answerConfirms(new PgResult.Retryable<>("IDEMPOTENT_REQUEST_PROCESSING", "처리 중", 409, true));

        confirm();

        assertThat(pg.calls()).containsExactly("confirm confirm-order-1-1", "confirm confirm-order-1-1");
    }

    @Test
    void aPgThatKeepsFailingLeavesTheOutcomeUnknownNeverFailed() {
        pg.answerConfirms(serverError(), serverError(), serverError());

        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOfSatisfying(PgResult.Unknown.class,
                u -> assertThat(u.reason()).contains("FAILED_INTERNAL_SYSTEM_PROCESSING").contains("3 attempts"));
        assertThat(pg.calls()).filteredOn(c -> c.startsWith("confirm")).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void aPaymentThatCannotBeReadAfterAnErrorIsUnknownAndNotSentAgain() {
        pg.answerConfirms(serverError()).answerReads(new PgResult.Unknown<>("read timeout"));

        PgResult<PgPayment> result = confirm();

        assertThat(result).isInstanceOf(PgResult.Unknown.class);
        assertThat(pg.calls()).containsExactly("confirm confirm-order-1-1", "read order-1");
    }

    @Test
    void aPaymentThePgDoesNotKnowIsUnknownNotDeclined() {
        pg.answerConfirms(serverError()).answerReads(new PgResult.Success<>(Optional.empty()));

        assertThat(confirm()).isInstanceOfSatisfying(PgResult.Unknown.class,
                u -> assertThat(u.reason()).contains("does not know"));
    }

    @Test
    void declinesTimeoutsAndUnreachablePgsAreAnsweredAsTheyCameWithoutRetrying() {
        for (PgResult<PgPayment> answer : List.<PgResult<PgPayment>>of(
                new PgResult.Rejected<>("REJECT_CARD_PAYMENT", "한도초과", 403),
                new PgResult.Unknown<>("read timeout"),
                new PgResult.Unavailable<>("connection refused"))) {
            InMemoryPaymentGateway fresh = new InMemoryPaymentGateway().answerConfirms(answer);
            ConfirmAttempts once = new ConfirmAttempts(fresh, orderId -> "unused",
                    new ConfirmProperties.Retry(3, Duration.ofMillis(200), 2.0, 0.5), waits::add);

            assertThat(once.confirm(KEY, ORDER, 9_000, "confirm-order-1-1")).isEqualTo(answer);
            assertThat(fresh.calls()).hasSize(1);
        }
    }
}
