package com.acme.shop.admin.timeline;

import com.acme.shop.admin.SagaEvents;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepSummaryTest {

    private static final Instant AT = Instant.parse("2026-11-21T05:30:16Z");

    @Test
    void describesACardApprovalWithGroupedWon() {
        assertThat(StepSummary.of(SagaEvents.approved("order-0001", AT).payload())).isEqualTo("결제 승인 39,000원 (카드)");
    }

    @Test
    void namesTheEasyPayProvider() {
        PaymentApproved easyPay = new PaymentApproved("order-0001", "pk", "c", "머그컵", "간편결제", "토스페이",
                1_234_500, "KRW", "tx", AT, List.of(new LineItem("MUG", "머그컵", 1, 1_234_500)));
        assertThat(StepSummary.of(easyPay)).isEqualTo("결제 승인 1,234,500원 (간편결제/토스페이)");
    }

    @Test
    void describesTheCreatedOrderByItsFirstLine() {
        assertThat(StepSummary.of(SagaEvents.created("order-0001", AT).payload()))
                .isEqualTo("주문 생성 39,000원 (토스 티셔츠 (검정, M) 2개 외 1건)");
        OrderCreated single = new OrderCreated("order-0001", "pk", "c", 9_000,
                List.of(new LineItem("MUG", "토스 머그컵", 1, 9_000)), AT);
        assertThat(StepSummary.of(single)).isEqualTo("주문 생성 9,000원 (토스 머그컵 1개)");
    }

    @Test
    void describesAFailedOrderWithoutRepeatingTheReasonLabel() {
        assertThat(StepSummary.of(SagaEvents.failed("order-0001", AT).payload()))
                .isEqualTo("주문 생성 실패: 재고 부족: TSHIRT-BLK-M (요청 2, 재고 1) (39,000원 환불 필요)");
        OrderCreationFailed technical = new OrderCreationFailed("order-0001", "pk", 5_000, FailureReason.TECHNICAL,
                "DB timeout after 5 retries");
        assertThat(StepSummary.of(technical)).isEqualTo("주문 생성 실패: 기술적 오류 - DB timeout after 5 retries (5,000원 환불 필요)");
    }

    @Test
    void describesARefundWithTheBalanceLeft() {
        assertThat(StepSummary.of(SagaEvents.canceled("order-0001", 39_000, 0, CancelCause.ORDER_CREATION_FAILED, AT).payload()))
                .isEqualTo("환불 39,000원 (잔액 0원) - 주문 실패 자동 환불: 고객 요청 환불");
        assertThat(StepSummary.of(SagaEvents.canceled("order-0001", 10_000, 29_000, CancelCause.MANUAL, AT).payload()))
                .startsWith("환불 10,000원 (잔액 29,000원) - 운영자 환불");
    }

    @Test
    void cutsOverlongTextToTheColumnWidth() {
        OrderCreationFailed verbose = new OrderCreationFailed("order-0001", "pk", 5_000, FailureReason.TECHNICAL,
                "x".repeat(500));
        String summary = StepSummary.of(verbose);
        assertThat(summary).hasSize(StepSummary.MAX_LENGTH).startsWith("주문 생성 실패: 기술적 오류 - xxx").endsWith("…");
    }
}
