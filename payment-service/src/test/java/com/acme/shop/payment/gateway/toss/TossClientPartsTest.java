package com.acme.shop.payment.gateway.toss;

import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TossClientPartsTest {

    static TossProperties keys(String secret, String client) {
        return new TossProperties(URI.create("http://127.0.0.1:8090"), secret, client, "http://x/v1/payment",
                Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "500, FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING, OUTCOME_UNKNOWN",
            "500, UNKNOWN_PAYMENT_ERROR, OUTCOME_UNKNOWN",
            "400, ALREADY_PROCESSED_PAYMENT, OUTCOME_UNKNOWN",
            "409, IDEMPOTENT_REQUEST_PROCESSING, OUTCOME_UNKNOWN",
            "400, ALREADY_CANCELED_PAYMENT, OUTCOME_UNKNOWN",
            "400, PROVIDER_ERROR, TRANSIENT",
            "403, FORBIDDEN_CONSECUTIVE_REQUEST, TRANSIENT",
            "403, NOT_AVAILABLE_BANK, TRANSIENT",
            "429, TOO_MANY_REQUESTS, TRANSIENT",
            "403, REJECT_CARD_PAYMENT, FINAL",
            "400, INVALID_CARD_EXPIRATION, FINAL",
            "404, NOT_FOUND_PAYMENT_SESSION, FINAL",
            "403, NOT_CANCELABLE_AMOUNT, FINAL",
            "400, INVALID_REQUEST, FINAL",
            "401, UNAUTHORIZED_KEY, NOT_SENT",
            "403, INCORRECT_BASIC_AUTH_FORMAT, NOT_SENT",
            "400, INVALID_API_KEY, NOT_SENT"})
    void classifiesTossErrorsByCodeNotMessage(int status, String code, TossErrorKind kind) {
        assertThat(TossErrorKind.of(status, code)).isEqualTo(kind);
    }

    @Test
    void onlyHealthRelatedFailuresCountAgainstTheBreaker() {
        assertThat(TossPaymentGateway.countsAgainstToss(new TossApiException(500, "COMMON_ERROR", "x", "{}"))).isTrue();
        assertThat(TossPaymentGateway.countsAgainstToss(new TossApiException(429, "TOO_MANY", "x", "{}"))).isTrue();
        assertThat(TossPaymentGateway.countsAgainstToss(
                new TossTransportException("timeout", TossErrorKind.OUTCOME_UNKNOWN, null))).isTrue();
        assertThat(TossPaymentGateway.countsAgainstToss(new TossApiException(403, "REJECT_CARD_PAYMENT", "x", "{}")))
                .isFalse();
    }

    @Test
    void readsTossPaymentsAndIgnoresFieldsItDoesNotKnow() {
        String body = """
                {"mId":"tosspayments","version":"2022-11-16","lastTransactionKey":"9C62B18EEF0DE3EB7F4422EB6D14BC6E",
                 "paymentKey":"5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1","orderId":"MC4wODU4ODQwMzg4NDk0",
                 "orderName":"토스 티셔츠 외 2건","status":"DONE","requestedAt":"2024-02-13T12:17:57+09:00",
                 "approvedAt":"2024-02-13T12:18:14+09:00","card":{"issuerCode":"71","number":"12345678****000*",
                 "amount":1000,"brandNewField":true},"easyPay":{"provider":"토스페이","amount":0,"discountAmount":0},
                 "cancels":null,"totalAmount":1000,"balanceAmount":1000,"suppliedAmount":909,"vat":91,
                 "method":"카드","somethingTossAddsNextYear":{"a":1}}""";

        TossWire.Payment payment = JsonMapper.builder().build().readValue(body, TossWire.Payment.class);

        var pg = TossPaymentGateway.toPg(payment);
        assertThat(pg.status()).isEqualTo(PgStatus.DONE);
        assertThat(pg.method()).isEqualTo(PgMethod.CARD);
        assertThat(pg.totalAmount()).isEqualTo(1000);
        assertThat(pg.easyPayProvider()).isEqualTo("토스페이");
        assertThat(pg.approvedAt()).isEqualTo("2024-02-13T03:18:14Z");
        assertThat(pg.cancels()).isEmpty();
    }

    @Test
    void statusesTheAdapterDoesNotKnowAreNotActedOn() {
        assertThat(TossPaymentGateway.status("WAITING_FOR_DEPOSIT")).isEqualTo(PgStatus.WAITING_FOR_DEPOSIT);
        assertThat(TossPaymentGateway.status("SOMETHING_NEW")).isEqualTo(PgStatus.UNRECOGNIZED);
        assertThat(TossPaymentGateway.status(null)).isEqualTo(PgStatus.UNRECOGNIZED);
        assertThat(PgMethod.ofLabel("가상계좌")).isEqualTo(PgMethod.VIRTUAL_ACCOUNT);
        assertThat(PgMethod.ofLabel("새결제수단")).isEqualTo(PgMethod.OTHER);
        assertThat(PgMethod.ofLabel(null)).isNull();
    }

    @Test
    void liveKeysNeedTheProductionProfile() {
        TossProperties live = keys("live_sk_abcdefghijklmnop", "live_ck_abcdefghijklmnop");

        assertThatThrownBy(() -> TossKeyGuard.check(live, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("production")
                .hasMessageNotContaining("abcdefghijklmnop");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatCode(() -> TossKeyGuard.check(live, production)).doesNotThrowAnyException();
    }

    @Test
    void refusesMalformedOrMismatchedKeys() {
        MockEnvironment env = new MockEnvironment();
        assertThatCode(() -> TossKeyGuard.check(keys("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6",
                "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm"), env)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TossKeyGuard.check(keys("test_ak_legacy", "test_ck_x"), env))
                .hasMessageContaining("TOSS_SECRET_KEY");
        assertThatThrownBy(() -> TossKeyGuard.check(keys("test_ck_swapped", "test_sk_swapped"), env))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TossKeyGuard.check(keys("live_sk_abcdefgh", "test_ck_abcdefgh"), env))
                .hasMessageContaining("both");
    }

    @Test
    void neverPrintsTheSecretKey() {
        TossProperties props = keys("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R", "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq");

        assertThat(props.toString()).doesNotContain("zXLkKEypNArWmo50nX3lmeaxYG5R").contains("test_sk_****");
    }
}
