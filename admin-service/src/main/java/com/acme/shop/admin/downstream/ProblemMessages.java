package com.acme.shop.admin.downstream;

import com.acme.shop.admin.Korean;
import tools.jackson.databind.JsonNode;

/**
 * The other services' refusals in the words an operator reads: one Korean sentence per stable code, with the numbers
 * the problem carries (the amount still refundable, the payment's status). A code not listed here keeps the service's
 * own detail after a general sentence.
 */
final class ProblemMessages {

    private ProblemMessages() {
    }

    static String korean(JsonNode problem) {
        String code = problem.path("code").asString("");
        String detail = problem.path("detail").asString("");
        return switch (code) {
            case "REFUND_EXCEEDS_CANCELABLE" -> "환불 가능 금액을 초과했습니다 (남은 금액 "
                    + Korean.won(problem.path("cancelableAmount").asLong(0)) + ")";
            case "PAYMENT_NOT_REFUNDABLE" -> "환불할 수 없는 결제 상태입니다 (" + problem.path("paymentStatus").asString("-") + ")";
            case "REFUND_ACCOUNT_REQUIRED" -> "가상계좌 결제는 환불 받을 고객 계좌(은행, 계좌번호, 예금주)가 필요합니다";
            case "REQUEST_ID_REUSED" -> "같은 요청번호로 다른 내용의 환불이 이미 접수되었습니다. 화면을 새로고침한 뒤 다시 입력하세요";
            case "OPERATOR_REQUIRED" -> "운영자 정보 없이 환불할 수 없습니다. 다시 로그인하세요";
            case "PAYMENT_NOT_FOUND" -> "결제를 찾을 수 없습니다";
            case "REFUND_NOT_FOUND" -> "환불 요청을 찾을 수 없습니다";
            case "REFUND_NOT_PARKED" -> "보류(PARKED) 상태의 환불만 다시 시도할 수 있습니다";
            case "PG_UNAVAILABLE" -> "토스페이먼츠에 연결할 수 없습니다. 잠시 후 다시 시도하세요";
            case "PG_UNDECIDED" -> "토스페이먼츠에서 아직 결과가 확정되지 않았습니다. 잠시 후 다시 확인하세요";
            case "WEBHOOK_NOT_FOUND" -> "웹훅을 찾을 수 없습니다";
            case "WEBHOOK_NOT_REPROCESSABLE" -> "재처리할 수 없는 상태의 웹훅입니다";
            case "MISMATCH_NOT_FOUND" -> "대사 불일치 항목을 찾을 수 없습니다";
            case "MISMATCH_NOT_OPEN" -> "이미 처리된 대사 불일치입니다";
            case "EXPORT_NOT_FOUND" -> "내보내기 작업을 찾을 수 없습니다";
            case "EXPORT_NOT_READY" -> "내보내기 파일이 아직 준비되지 않았습니다";
            case "INVALID_DATE_RANGE" -> "기간이 올바르지 않습니다 (" + detail + ")";
            case "SETTLEMENT_NOT_FOUND" -> "정산 내역이 없습니다";
            case "VALIDATION_FAILED" -> "입력값이 올바르지 않습니다: " + detail;
            case "CONCURRENT_UPDATE" -> "다른 사람이 동시에 변경했습니다. 새로고침한 뒤 다시 시도하세요";
            default -> "요청이 거절되었습니다 (" + code + "): " + detail;
        };
    }
}
