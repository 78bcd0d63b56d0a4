package com.acme.shop.sandbox.error;

import static com.acme.shop.sandbox.error.TossErrorCode.Effect.DECLINE;
import static com.acme.shop.sandbox.error.TossErrorCode.Effect.NONE;
import static com.acme.shop.sandbox.error.TossErrorCode.Effect.TRANSIENT;

import java.util.Optional;

/**
 * Toss error codes with their HTTP status (from the per-API error tables of the confirm, cancel and query APIs and the
 * global table) and a Korean message in Toss's wording. Any of them can be requested with the
 * {@code TossPayments-Test-Code} header or an {@code errorCode} fault.
 *
 * <p>{@link Effect} says what answering the code does to a payment on confirm: a {@link Effect#DECLINE} is the card
 * company's or bank's final "no" and leaves the payment {@code ABORTED}; a {@link Effect#TRANSIENT} error leaves it
 * {@code IN_PROGRESS} so a retried confirm can still succeed within the 10-minute window.
 */
public enum TossErrorCode {

    // Confirm (400)
    ALREADY_PROCESSED_PAYMENT(400, NONE, "이미 처리된 결제 입니다."),
    PROVIDER_ERROR(400, TRANSIENT, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."),
    EXCEED_MAX_CARD_INSTALLMENT_PLAN(400, DECLINE, "설정 가능한 최대 할부 개월 수를 초과했습니다."),
    INVALID_REQUEST(400, NONE, "잘못된 요청입니다."),
    NOT_ALLOWED_POINT_USE(400, DECLINE, "포인트 사용이 불가한 카드로 카드 포인트 결제에 실패했습니다."),
    INVALID_API_KEY(400, NONE, "잘못된 시크릿키 연동 정보 입니다."),
    INVALID_REJECT_CARD(400, DECLINE, "카드 사용이 거절되었습니다. 카드사 문의가 필요합니다."),
    BELOW_MINIMUM_AMOUNT(400, DECLINE, "신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다."),
    INVALID_CARD_EXPIRATION(400, DECLINE, "카드 정보를 다시 확인해주세요. (유효기간)"),
    INVALID_STOPPED_CARD(400, DECLINE, "정지된 카드 입니다."),
    EXCEED_MAX_DAILY_PAYMENT_COUNT(400, DECLINE, "하루 결제 가능 횟수를 초과했습니다."),
    NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT(400, DECLINE, "할부가 지원되지 않는 카드 또는 가맹점 입니다."),
    INVALID_CARD_INSTALLMENT_PLAN(400, DECLINE, "할부 개월 정보가 잘못되었습니다."),
    NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN(400, DECLINE, "할부가 지원되지 않는 카드입니다."),
    EXCEED_MAX_PAYMENT_AMOUNT(400, DECLINE, "하루 결제 가능 금액을 초과했습니다."),
    NOT_FOUND_TERMINAL_ID(400, NONE, "단말기번호(Terminal Id)가 없습니다. 토스페이먼츠로 문의 바랍니다."),
    INVALID_AUTHORIZE_AUTH(400, DECLINE, "유효하지 않은 인증 방식입니다."),
    INVALID_CARD_LOST_OR_STOLEN(400, DECLINE, "분실 혹은 도난 카드입니다."),
    RESTRICTED_TRANSFER_ACCOUNT(400, DECLINE, "계좌는 등록 후 12시간 뒤부터 결제할 수 있습니다. 관련 정책은 해당 은행으로 문의해주세요."),
    INVALID_CARD_NUMBER(400, DECLINE, "카드번호를 다시 확인해주세요."),
    INVALID_UNREGISTERED_SUBMALL(400, NONE, "등록되지 않은 서브몰입니다. 서브몰이 없는 가맹점이라면 안심클릭이나 ISP 결제가 필요합니다."),
    NOT_REGISTERED_BUSINESS(400, NONE, "등록되지 않은 사업자 번호입니다."),
    EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT(400, DECLINE, "1일 출금 한도를 초과했습니다."),
    EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT(400, DECLINE, "1회 출금 한도를 초과했습니다."),
    CARD_PROCESSING_ERROR(400, TRANSIENT, "카드사에서 오류가 발생했습니다."),
    EXCEED_MAX_AMOUNT(400, DECLINE, "거래금액 한도를 초과했습니다."),
    INVALID_ACCOUNT_INFO_RE_REGISTER(400, DECLINE, "유효하지 않은 계좌입니다. 계좌 재등록 후 시도해주세요."),
    NOT_AVAILABLE_PAYMENT(400, DECLINE, "결제가 불가능한 시간대입니다."),
    UNAPPROVED_ORDER_ID(400, NONE, "아직 승인되지 않은 주문번호입니다."),
    EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT(400, DECLINE, "당월 결제 가능금액인 1,000,000원을 초과 하셨습니다."),

    // Authentication
    UNAUTHORIZED_KEY(401, NONE, "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."),
    INCORRECT_BASIC_AUTH_FORMAT(403, NONE, "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요."),

    // Confirm (403)
    REJECT_ACCOUNT_PAYMENT(403, DECLINE, "잔액부족으로 결제에 실패했습니다."),
    REJECT_CARD_PAYMENT(403, DECLINE, "한도초과 혹은 잔액부족으로 결제에 실패했습니다."),
    REJECT_CARD_COMPANY(403, DECLINE, "결제 승인이 거절되었습니다."),
    FORBIDDEN_REQUEST(403, NONE, "허용되지 않은 요청입니다."),
    REJECT_TOSSPAY_INVALID_ACCOUNT(403, DECLINE, "선택하신 출금 계좌가 출금이체 등록이 되어 있지 않아요. 계좌를 다시 등록해 주세요."),
    EXCEED_MAX_AUTH_COUNT(403, DECLINE, "최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요."),
    EXCEED_MAX_ONE_DAY_AMOUNT(403, DECLINE, "일일 한도를 초과했습니다."),
    NOT_AVAILABLE_BANK(403, TRANSIENT, "은행 서비스 시간이 아닙니다."),
    INVALID_PASSWORD(403, DECLINE, "결제 비밀번호가 일치하지 않습니다."),
    FDS_ERROR(403, DECLINE, "[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다. 발송된 문자에 포함된 링크를 통해 본인인증 후 결제가 가능합니다.(고객센터: 1644-8051)"),

    // Not found
    NOT_FOUND_PAYMENT(404, NONE, "존재하지 않는 결제 정보 입니다."),
    NOT_FOUND_PAYMENT_SESSION(404, NONE, "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다."),
    NOT_FOUND(404, NONE, "존재하지 않는 정보 입니다."),

    // Idempotency
    INVALID_IDEMPOTENCY_KEY(400, NONE, "멱등키는 300자 이하로 입력해주세요."),
    IDEMPOTENT_REQUEST_PROCESSING(409, TRANSIENT, "이전 요청이 처리 중 입니다."),

    // Server side (500)
    FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING(500, TRANSIENT, "결제가 완료되지 않았어요. 다시 시도해주세요."),
    FAILED_INTERNAL_SYSTEM_PROCESSING(500, TRANSIENT, "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요."),
    UNKNOWN_PAYMENT_ERROR(500, TRANSIENT, "결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요."),
    UNKNOWN_ERROR(500, TRANSIENT, "알 수 없는 에러가 발생했습니다."),
    FAILED_DB_PROCESSING(500, TRANSIENT, "잘못된 요청 값으로 처리 중 DB 에러가 발생했습니다."),

    // Cancel
    ALREADY_CANCELED_PAYMENT(400, NONE, "이미 취소된 결제 입니다."),
    INVALID_REFUND_ACCOUNT_INFO(400, NONE, "환불 계좌번호와 예금주명이 일치하지 않습니다."),
    EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT(400, NONE, "즉시할인금액보다 적은 금액은 부분취소가 불가능합니다."),
    INVALID_REFUND_ACCOUNT_NUMBER(400, NONE, "잘못된 환불 계좌번호입니다."),
    INVALID_BANK(400, NONE, "유효하지 않은 은행입니다."),
    NOT_MATCHES_REFUNDABLE_AMOUNT(400, NONE, "잔액 결과가 일치하지 않습니다."),
    REFUND_REJECTED(400, NONE, "환불이 거절됐습니다. 결제사에 문의 부탁드립니다."),
    ALREADY_REFUND_PAYMENT(400, NONE, "이미 환불된 결제입니다."),
    FORBIDDEN_BANK_REFUND_REQUEST(400, NONE, "고객 계좌가 입금이 되지 않는 상태입니다."),
    NOT_CANCELABLE_AMOUNT(403, NONE, "취소 할 수 없는 금액 입니다."),
    FORBIDDEN_CONSECUTIVE_REQUEST(403, TRANSIENT, "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요."),
    NOT_CANCELABLE_PAYMENT(403, NONE, "취소 할 수 없는 결제 입니다."),
    EXCEED_MAX_REFUND_DUE(403, NONE, "환불 가능한 기간이 지났습니다."),
    NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT(403, NONE, "입금 대기중인 결제는 부분 환불이 불가합니다."),
    NOT_ALLOWED_PARTIAL_REFUND(403, NONE, "에스크로 주문, 현금 카드 결제일 때는 부분 환불이 불가합니다. 이외 다른 결제 수단에서 부분 취소가 되지 않을 때는 토스페이먼츠에 문의해 주세요."),
    NOT_CANCELABLE_PAYMENT_FOR_DORMANT_USER(403, NONE, "휴면 처리된 회원의 결제는 취소할 수 없습니다."),
    FAILED_REFUND_PROCESS(500, TRANSIENT, "은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다."),
    FAILED_METHOD_HANDLING_CANCEL(500, TRANSIENT, "취소 중 결제 시 사용한 결제 수단 처리과정에서 일시적인 오류가 발생했습니다."),
    FAILED_PARTIAL_REFUND(500, TRANSIENT, "은행 점검, 해약 계좌 등의 사유로 부분 환불이 실패했습니다."),
    COMMON_ERROR(500, TRANSIENT, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."),

    // Global
    INVALID_ORDER_ID(400, NONE, "orderId는 영문 대소문자, 숫자, 특수문자(-, _) 만 허용합니다. 6자 이상 64자 이하여야 합니다."),
    INVALID_PAYMENT_KEY(400, NONE, "잘못된 결제 키 입니다."),
    INVALID_CURRENCY(400, NONE, "잘못된 통화 값입니다."),
    DUPLICATED_ORDER_ID(400, NONE, "이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요."),
    INVALID_TEST_CODE(400, NONE, "테스트 코드가 유효하지 않습니다."),
    INVALID_CLIENT_KEY(400, NONE, "잘못된 클라이언트 키 입니다."),

    // Sandbox-only: answers of POST /sandbox/payments/{paymentKey}/deposit (no Toss API does this)
    NOT_WAITING_FOR_DEPOSIT(409, NONE, "입금 대기 중인 가상계좌 결제가 아닙니다."),
    EXPIRED_VIRTUAL_ACCOUNT(409, NONE, "입금 기한이 지난 가상계좌입니다."),

    // Seen only in failUrl redirects and failure objects, never as an API answer of their own
    PAY_PROCESS_CANCELED(400, NONE, "사용자에 의해 결제가 취소되었습니다."),
    PAY_PROCESS_ABORTED(400, NONE, "결제 진행 중 승인에 실패하여 결제가 중단되었습니다."),
    EXPIRED_PAYMENT(400, NONE, "결제 유효 시간이 지나 만료되었습니다.");

    /** What answering this code on confirm means for the payment. */
    enum Effect {

        /** Final decline by the card company, bank or FDS: the payment becomes ABORTED. */
        DECLINE,
        /** Temporary trouble: nothing changes, a retry may succeed. */
        TRANSIENT,
        /** Request or state error: nothing changes. */
        NONE

    }

    private final int status;

    private final Effect effect;

    private final String message;

    TossErrorCode(int status, Effect effect, String message) {
        this.status = status;
        this.effect = effect;
        this.message = message;
    }

    public static Optional<TossErrorCode> find(String code) {
        for (TossErrorCode candidate : values()) {
            if (candidate.name().equals(code)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public boolean declinesPayment() {
        return effect == DECLINE;
    }

}
