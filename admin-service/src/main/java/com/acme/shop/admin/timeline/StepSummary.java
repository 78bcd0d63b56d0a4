package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventPayload;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;

import java.util.List;
import java.util.Locale;

/** One line per step for operators, in Korean, e.g. {@code 결제 승인 39,000원 (카드)}. */
final class StepSummary {

    /** The width of {@code saga_step.summary}. */
    static final int MAX_LENGTH = 500;

    private StepSummary() {
    }

    static String of(EventPayload payload) {
        String text = switch (payload) {
            case PaymentApproved p -> "결제 승인 %s (%s)".formatted(won(p.totalAmount()), method(p.method(), p.easyPayProvider()));
            case OrderCreated o -> "주문 생성 %s (%s)".formatted(won(o.totalAmount()), items(o.items()));
            case OrderCreationFailed f -> "주문 생성 실패: %s (%s 환불 필요)".formatted(
                    failure(f.reasonCode(), f.reason()), won(f.amount()));
            case PaymentCanceled c -> "환불 %s (잔액 %s) - %s: %s".formatted(
                    won(c.cancelAmount()), won(c.balanceAmount()), label(c.cause()), c.cancelReason());
            default -> throw new IllegalArgumentException("no summary for " + payload.getClass().getSimpleName());
        };
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    static String won(long amount) {
        return String.format(Locale.ROOT, "%,d원", amount);
    }

    private static String method(String method, String easyPayProvider) {
        return easyPayProvider == null || easyPayProvider.isBlank() ? method : method + "/" + easyPayProvider;
    }

    private static String items(List<LineItem> items) {
        if (items.isEmpty()) {
            return "상품 없음";
        }
        String first = items.getFirst().productName() + " " + items.getFirst().quantity() + "개";
        return items.size() == 1 ? first : first + " 외 " + (items.size() - 1) + "건";
    }

    /** The reason text usually starts with the label already ("재고 부족: ..."); do not say it twice. */
    private static String failure(FailureReason code, String reason) {
        String label = label(code);
        return reason.startsWith(label) ? reason : label + " - " + reason;
    }

    private static String label(FailureReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> "재고 부족";
            case PRODUCT_NOT_SELLABLE -> "판매 불가 상품";
            case TECHNICAL -> "기술적 오류";
        };
    }

    private static String label(CancelCause cause) {
        return switch (cause) {
            case ORDER_CREATION_FAILED -> "주문 실패 자동 환불";
            case MANUAL -> "운영자 환불";
            case EXTERNAL -> "외부 취소";
        };
    }
}
