package com.acme.shop.payment.refund;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.gateway.InMemoryPaymentGateway;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgPayment.PgCancel;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a refund recognises its own cancel in the PG's view, before it would ever send one again: the newest cancel we
 * have not recorded, of the amount we asked for.
 */
class RefundMatchingTest {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

    static Payment paid() {
        Payment p = Payment.checkout("order-1", "customer-1", "티셔츠", List.of(new LineItem("T", "티셔츠", 1, 30_000)), NOW,
                Duration.ofMinutes(30));
        p.claimForConfirm("pk_0123456789", NOW, Duration.ofMinutes(3));
        p.apply(InMemoryPaymentGateway.payment("order-1", "pk_0123456789", PgStatus.DONE, 30_000), false, NOW);
        return p;
    }

    static PgPayment view(long balance, PgCancel... cancels) {
        return new PgPayment("pk_0123456789", "order-1", balance == 0 ? PgStatus.CANCELED : PgStatus.PARTIAL_CANCELED,
                PgMethod.CARD, null, 30_000, balance, cancels[cancels.length - 1].transactionKey(), NOW, null, null,
                List.of(cancels), null, null);
    }

    static PaymentCancel refund(Long amount) {
        return PaymentCancel.request("req-1", "order-1", CancelCause.ORDER_CREATION_FAILED, amount, "재고 부족", NOW);
    }

    @Test
    void aFullRefundIsTheCancelThatLeftNothing() {
        PgPayment view = view(0, new PgCancel("TX-1", 30_000, 0, "재고 부족", NOW));

        assertThat(RefundJob.ours(view, paid(), refund(null))).map(PgCancel::transactionKey).contains("TX-1");
    }

    @Test
    void aPartialRefundIsTheNewestUnrecordedCancelOfItsAmount() {
        PgPayment view = view(15_000, new PgCancel("TX-1", 5_000, 25_000, "대시보드", NOW),
                new PgCancel("TX-2", 10_000, 15_000, "부분 환불", NOW));

        assertThat(RefundJob.ours(view, paid(), refund(10_000L))).map(PgCancel::transactionKey).contains("TX-2");
    }

    @Test
    void aCancelOfAnotherAmountIsNotOursSoNothingIsRecordedAsOurs() {
        PgPayment view = view(25_000, new PgCancel("TX-1", 5_000, 25_000, "대시보드", NOW));

        assertThat(RefundJob.ours(view, paid(), refund(10_000L))).isEmpty();
        assertThat(RefundJob.ours(view, paid(), refund(null))).isEmpty();
    }

    @Test
    void aCancelAlreadyRecordedIsNeverTakenForANewOne() {
        Payment p = paid();
        p.recordCancel(10_000, 20_000, "TX-1", "부분 환불", CancelCause.MANUAL, NOW, NOW);
        PgPayment view = view(20_000, new PgCancel("TX-1", 10_000, 20_000, "부분 환불", NOW));

        assertThat(RefundJob.ours(view, p, refund(10_000L))).isEmpty();
    }
}
