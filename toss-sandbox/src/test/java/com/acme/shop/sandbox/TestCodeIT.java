package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class TestCodeIT extends SandboxIntegrationTest {

    @ParameterizedTest
    @CsvSource({ "REJECT_CARD_PAYMENT, 403", "REJECT_CARD_COMPANY, 403", "INVALID_CARD_EXPIRATION, 400",
            "EXCEED_MAX_DAILY_PAYMENT_COUNT, 400", "FDS_ERROR, 403" })
    void abortsPaymentOnFinalDecline(String code, int status) throws Exception {
        Created payment = createPayment(1000);

        Response declined = confirm(payment, "TossPayments-Test-Code", code);

        assertThat(declined.status()).isEqualTo(status);
        assertThat(declined.code()).isEqualTo(code);
        assertThat(declined.json().get("message").asString()).isNotBlank();
        JsonNode aborted = stored(payment.paymentKey());
        assertThat(aborted.get("status").asString()).isEqualTo("ABORTED");
        assertThat(aborted.get("failure").get("code").asString()).isEqualTo(code);
        assertThat(aborted.get("failure").get("message").asString()).isEqualTo(declined.json().get("message").asString());
        assertThat(confirm(payment).code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @ParameterizedTest
    @CsvSource({ "PROVIDER_ERROR, 400", "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING, 500",
            "FAILED_INTERNAL_SYSTEM_PROCESSING, 500", "UNKNOWN_PAYMENT_ERROR, 500", "NOT_AVAILABLE_BANK, 403",
            "FORBIDDEN_CONSECUTIVE_REQUEST, 403", "IDEMPOTENT_REQUEST_PROCESSING, 409" })
    void leavesPaymentInProgressOnTransientError(String code, int status) throws Exception {
        Created payment = createPayment(1000);

        Response failed = confirm(payment, "TossPayments-Test-Code", code);

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(confirm(payment).json().get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void answersTestCodesOnCancelAndQueryWithoutChangingThePayment() throws Exception {
        Created payment = createPayment(1000);
        confirm(payment);

        Response cancel = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}", "TossPayments-Test-Code",
                "FAILED_REFUND_PROCESS");
        Response query = get("/v1/payments/" + payment.paymentKey(),
                withAuth("TossPayments-Test-Code", "COMMON_ERROR"));

        assertThat(cancel.status()).isEqualTo(500);
        assertThat(cancel.code()).isEqualTo("FAILED_REFUND_PROCESS");
        assertThat(query.status()).isEqualTo(500);
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void rejectsUnknownTestCode() throws Exception {
        Created payment = createPayment(1000);

        Response response = confirm(payment, "TossPayments-Test-Code", "NO_SUCH_CODE");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_TEST_CODE");
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void ignoresTestCodeForLiveKeys() throws Exception {
        Created payment = createPayment(1000);

        Response response = post("/v1/payments/confirm", confirmBody(payment), "Authorization",
                basic(LIVE_SECRET_KEY + ":"), "TossPayments-Test-Code", "REJECT_CARD_PAYMENT");

        assertThat(response.status()).isEqualTo(200);
    }

}
