package com.acme.shop.admin.audit;

/** What a person did or tried in the console, as the audit log names it. */
public enum AuditAction {
    SIGN_IN("로그인"),
    SIGN_OUT("로그아웃"),
    REFUND("환불"),
    RECHECK("토스 재확인"),
    REFUND_RETRY("보류 환불 재시도"),
    WEBHOOK_REPROCESS("웹훅 재처리"),
    DEAD_LETTER_REPLAY("데드레터 재처리"),
    MISMATCH_RESOLVE("대사 불일치 해소"),
    MISMATCH_IGNORE("대사 불일치 무시"),
    SETTLEMENT_EXPORT("정산 엑셀 내보내기"),
    PAYMENT_EXPORT("결제 검색 엑셀 다운로드"),
    OPERATOR_CREATE("운영자 생성"),
    OPERATOR_ROLES("역할 변경"),
    OPERATOR_DISABLE("계정 비활성화"),
    OPERATOR_ENABLE("계정 활성화"),
    OPERATOR_UNLOCK("잠금 해제"),
    OPERATOR_PASSWORD_RESET("비밀번호 재설정"),
    /** A change refused at the doors (role or CSRF) on a route the audit has no more specific name for. */
    REQUEST("요청");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
