package com.acme.shop.payment;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgPayment.PgCancel;
import com.acme.shop.payment.gateway.PgPayment.PgVirtualAccount;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Payment#apply}: what every status the PG can report does to a payment in each of our states. This is the
 * one rule the confirm's answer, recovery and webhooks all go through.
 */
class PaymentApplyTest {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    static final String ORDER = "order-abcdef";
    static final String KEY = "pk_1234567890";
    static final long AMOUNT = 39_000;

    static Payment ready() {
        return Payment.checkout(ORDER, "customer-1", "토스 티셔츠 외 1건",
                List.of(new LineItem("TSHIRT", "토스 티셔츠", 2, 15_000), new LineItem("MUG", "토스 머그컵", 1, 9_000)),
                NOW, Duration.ofMinutes(30));
    }

    static Payment inProgress() {
        Payment p = ready();
        p.claimForConfirm(KEY, NOW, Duration.ofMinutes(3));
        return p;
    }

    static Payment outcomeUnknown() {
        Payment p = inProgress();
        p.markOutcomeUnknown("read timeout", NOW, NOW.plusSeconds(5));
        return p;
    }

    static Payment inReview() {
        Payment p = outcomeUnknown();
        p.parkForReview("budget spent", NOW);
        return p;
    }

    static Payment done() {
        Payment p = inProgress();
        p.apply(view(PgStatus.DONE, AMOUNT, List.of()), false, NOW);
        return p;
    }

    static Payment waitingForDeposit() {
        Payment p = inProgress();
        p.apply(virtualAccountIssued(), false, NOW);
        return p;
    }

    static PgPayment view(PgStatus status, long balance, List<PgCancel> cancels) {
        return new PgPayment(KEY, ORDER, status, PgMethod.CARD, null, AMOUNT, balance,
                cancels.isEmpty() ? "TX-APPROVAL" : cancels.getLast().transactionKey(),
                status == PgStatus.READY || status == PgStatus.IN_PROGRESS ? null : NOW.plusSeconds(5),
                status == PgStatus.ABORTED ? "REJECT_CARD_PAYMENT" : null,
                status == PgStatus.ABORTED ? "한도초과 혹은 잔액부족으로 결제에 실패했습니다." : null, cancels, "ps_secret", null);
    }

    static PgPayment virtualAccountIssued() {
        return new PgPayment(KEY, ORDER, PgStatus.WAITING_FOR_DEPOSIT, PgMethod.VIRTUAL_ACCOUNT, null, AMOUNT, AMOUNT,
                "TX-ISSUE", null, null, null, List.of(), "ps_va_secret",
                new PgVirtualAccount("88", "12345678901234", NOW.plus(Duration.ofDays(7)), false));
    }

    static PgCancel cancel(String key, long amount, long balanceAfter) {
        return new PgCancel(key, amount, balanceAfter, "고객 변심", NOW.plusSeconds(60));
    }

    @Nested
    class WhenThePgReportsDone {

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = {"IN_PROGRESS", "OUTCOME_UNKNOWN", "MANUAL_REVIEW"})
        void aPaymentAwaitingTheAnswerIsApprovedWithTheEventThatStartsTheSaga(PaymentStatus ours) {
            Payment p = switch (ours) {
                case IN_PROGRESS -> inProgress();
                case OUTCOME_UNKNOWN -> outcomeUnknown();
                default -> inReview();
            };

            Payment.Applied applied = p.apply(view(PgStatus.DONE, AMOUNT, List.of()), false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(applied.changed()).isTrue();
            assertThat(applied.events()).singleElement().isInstanceOfSatisfying(PaymentApproved.class, e -> {
                assertThat(e.totalAmount()).isEqualTo(AMOUNT);
                assertThat(e.transactionKey()).isEqualTo("TX-APPROVAL");
                assertThat(e.method()).isEqualTo("카드");
                assertThat(e.items()).hasSize(2);
            });
            assertThat(p.nextRecoveryAt()).isNull();
        }

        @Test
        void aDepositIntoTheVirtualAccountApprovesIt() {
            Payment p = waitingForDeposit();

            Payment.Applied applied = p.apply(view(PgStatus.DONE, AMOUNT, List.of()), false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(applied.events()).singleElement().isInstanceOf(PaymentApproved.class);
        }

        @Test
        void aPaymentApprovedBeforeChangesNothing() {
            Payment p = done();

            Payment.Applied applied = p.apply(view(PgStatus.DONE, AMOUNT, List.of()), false, NOW);

            assertThat(applied.changed()).isFalse();
            assertThat(applied.events()).isEmpty();
            assertThat(applied.summary()).isEqualTo("already DONE");
        }

        @Test
        void aPaymentThatEndedUnpaidIsNotRevivedByAStaleReport() {
            Payment p = inProgress();
            p.abort("REJECT_CARD_PAYMENT", "declined", NOW);

            assertThat(p.apply(view(PgStatus.DONE, AMOUNT, List.of()), false, NOW).changed()).isFalse();
            assertThat(p.status()).isEqualTo(PaymentStatus.ABORTED);
        }
    }

    @Nested
    class WhenThePgIssuedAVirtualAccount {

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = {"IN_PROGRESS", "OUTCOME_UNKNOWN"})
        void theAccountIsRecordedAndNoMoneyIsAssumed(PaymentStatus ours) {
            Payment p = ours == PaymentStatus.IN_PROGRESS ? inProgress() : outcomeUnknown();

            Payment.Applied applied = p.apply(virtualAccountIssued(), false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
            assertThat(applied.events()).isEmpty();
            assertThat(p.virtualAccountNumber()).isEqualTo("12345678901234");
            assertThat(p.virtualAccountDueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(p.secretMatches("ps_va_secret")).isTrue();
            assertThat(p.method()).isEqualTo(PgMethod.VIRTUAL_ACCOUNT);
        }

        @Test
        void aLaterReportOfTheIssuedAccountChangesNothing() {
            Payment p = done();

            assertThat(p.apply(virtualAccountIssued(), false, NOW).changed()).isFalse();
            assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
        }
    }

    @Nested
    class WhenThePgReportsAFailure {

        @Test
        void anAbortedPaymentKeepsThePgsReason() {
            Payment p = outcomeUnknown();

            Payment.Applied applied = p.apply(view(PgStatus.ABORTED, AMOUNT, List.of()), false, NOW);

            assertThat(applied.changed()).isTrue();
            assertThat(p.status()).isEqualTo(PaymentStatus.ABORTED);
            assertThat(p.failureCode()).isEqualTo("REJECT_CARD_PAYMENT");
        }

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = {"READY", "IN_PROGRESS", "WAITING_FOR_DEPOSIT"})
        void anExpiredPaymentEnds(PaymentStatus ours) {
            Payment p = switch (ours) {
                case READY -> ready();
                case IN_PROGRESS -> inProgress();
                default -> waitingForDeposit();
            };

            p.apply(view(PgStatus.EXPIRED, AMOUNT, List.of()), false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @ParameterizedTest
        @EnumSource(value = PgStatus.class, names = {"ABORTED", "EXPIRED"})
        void aFailureReportedAfterTheApprovalIsStaleAndIgnored(PgStatus theirs) {
            Payment p = done();

            Payment.Applied applied = p.apply(view(theirs, AMOUNT, List.of()), false, NOW);

            assertThat(applied.changed()).isFalse();
            assertThat(applied.summary()).contains("stale");
            assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
        }

        @Test
        void aVirtualAccountWaitingForItsDepositIsNotAbortedByAStaleReport() {
            Payment p = waitingForDeposit();

            assertThat(p.apply(view(PgStatus.ABORTED, AMOUNT, List.of()), false, NOW).changed()).isFalse();
            assertThat(p.status()).isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
        }
    }

    @Nested
    class WhenThePgReportsCancels {

        @Test
        void aCancelMadeAtThePgIsRecordedOnceWithCauseExternal() {
            Payment p = done();
            PgPayment canceled = view(PgStatus.CANCELED, 0, List.of(cancel("TX-C1", AMOUNT, 0)));

            Payment.Applied first = p.apply(canceled, false, NOW);
            Payment.Applied again = p.apply(canceled, false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(first.externalCancels()).singleElement().satisfies(c -> {
                assertThat(c.cause()).isEqualTo(CancelCause.EXTERNAL);
                assertThat(c.cancelAmount()).isEqualTo(AMOUNT);
                assertThat(c.transactionKey()).isEqualTo("TX-C1");
                assertThat(c.cancelReason()).isEqualTo("고객 변심");
            });
            assertThat(again.changed()).isFalse();
            assertThat(again.summary()).isEqualTo("cancels already recorded");
        }

        @Test
        void onlyTheCancelsAfterTheLastRecordedOneAreNew() {
            Payment p = done();
            p.apply(view(PgStatus.PARTIAL_CANCELED, 30_000, List.of(cancel("TX-C1", 9_000, 30_000))), false, NOW);

            Payment.Applied applied = p.apply(view(PgStatus.PARTIAL_CANCELED, 20_000,
                    List.of(cancel("TX-C1", 9_000, 30_000), cancel("TX-C2", 10_000, 20_000))), false, NOW);

            assertThat(applied.externalCancels()).extracting(PaymentCanceled::transactionKey).containsExactly("TX-C2");
            assertThat(p.balanceAmount()).isEqualTo(20_000);
            assertThat(p.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        }

        @Test
        void anApprovalWeNeverHeardOfIsRecordedBeforeTheCancelsThatFollowedIt() {
            Payment p = outcomeUnknown();
            PgPayment view = view(PgStatus.PARTIAL_CANCELED, 30_000, List.of(cancel("TX-C1", 9_000, 30_000)));

            Payment.Applied applied = p.apply(view, false, NOW);

            assertThat(applied.events()).hasSize(2);
            assertThat(applied.events().getFirst()).isInstanceOfSatisfying(PaymentApproved.class, approved -> {
                assertThat(approved.totalAmount()).isEqualTo(AMOUNT);
                // the approval's own key is no longer in the PG's payment object: a stable stand-in
                assertThat(approved.transactionKey()).isEqualTo("APPROVAL-" + KEY);
            });
            assertThat(applied.events().getLast()).isInstanceOf(PaymentCanceled.class);
            assertThat(p.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
            assertThat(p.balanceAmount()).isEqualTo(30_000);
        }

        @Test
        void whileOurOwnRefundIsInFlightItsCancelIsLeftToIt() {
            Payment p = done();

            Payment.Applied applied = p.apply(view(PgStatus.CANCELED, 0, List.of(cancel("TX-C1", AMOUNT, 0))), true, NOW);

            assertThat(applied.changed()).isFalse();
            assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(p.balanceAmount()).isEqualTo(AMOUNT);
        }

        @Test
        void aVirtualAccountCanceledBeforeItsDepositEndsWithoutMoney() {
            Payment p = waitingForDeposit();
            PgPayment canceled = new PgPayment(KEY, ORDER, PgStatus.CANCELED, PgMethod.VIRTUAL_ACCOUNT, null, AMOUNT, 0,
                    "TX-VA-CANCEL", null, null, null, List.of(cancel("TX-VA-CANCEL", AMOUNT, 0)), "ps_va_secret", null);

            Payment.Applied applied = p.apply(canceled, false, NOW);

            assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(applied.events()).isEmpty();
            assertThat(p.canceledAmount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PgStatus.class, names = {"READY", "IN_PROGRESS", "UNRECOGNIZED"})
    void statusesThatDecideNothingChangeNothing(PgStatus theirs) {
        Payment p = outcomeUnknown();

        Payment.Applied applied = p.apply(view(theirs, AMOUNT, List.of()), false, NOW);

        assertThat(applied.changed()).isFalse();
        assertThat(p.status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);
    }

    @Test
    void aViewOfAnotherAmountSendsAPaymentAwaitingItsAnswerToAPerson() {
        Payment p = inProgress();
        PgPayment other = new PgPayment(KEY, ORDER, PgStatus.DONE, PgMethod.CARD, null, 1_000, 1_000, "TX", NOW, null,
                null, List.of(), null, null);

        Payment.Applied applied = p.apply(other, false, NOW);

        assertThat(p.status()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
        assertThat(p.reviewReason()).contains("1000 won").contains("39000 won");
        assertThat(applied.events()).isEmpty();
    }

    @Test
    void aViewOfAnotherOrderIsNeverAppliedToASettledPayment() {
        Payment p = done();
        PgPayment other = new PgPayment(KEY, "another-order", PgStatus.CANCELED, PgMethod.CARD, null, AMOUNT, 0, "TX",
                NOW, null, null, List.of(cancel("TX-C1", AMOUNT, 0)), null, null);

        assertThat(p.apply(other, false, NOW).changed()).isFalse();
        assertThat(p.status()).isEqualTo(PaymentStatus.DONE);
    }
}
