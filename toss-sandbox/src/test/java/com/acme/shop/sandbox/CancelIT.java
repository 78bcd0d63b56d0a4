package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancelIT extends SandboxIntegrationTest {

    @Test
    void cancelsPartiallyThenTheRemainingBalance() throws Exception {
        Created payment = createPayment(10000);
        String approvalKey = confirm(payment).json().get("lastTransactionKey").asString();

        Response partial = cancel(payment.paymentKey(), "{\"cancelReason\":\"단순 변심\",\"cancelAmount\":3000}");

        assertThat(partial.status()).isEqualTo(200);
        JsonNode afterPartial = partial.json();
        assertThat(afterPartial.get("status").asString()).isEqualTo("PARTIAL_CANCELED");
        assertThat(afterPartial.get("totalAmount").asLong()).isEqualTo(10000);
        assertThat(afterPartial.get("balanceAmount").asLong()).isEqualTo(7000);
        assertThat(afterPartial.get("vat").asLong()).isEqualTo(636);
        assertThat(afterPartial.get("suppliedAmount").asLong()).isEqualTo(6364);
        assertThat(afterPartial.get("card").get("acquireStatus").asString()).isEqualTo("READY");
        JsonNode firstCancel = afterPartial.get("cancels").get(0);
        assertThat(firstCancel.get("cancelAmount").asLong()).isEqualTo(3000);
        assertThat(firstCancel.get("cancelReason").asString()).isEqualTo("단순 변심");
        assertThat(firstCancel.get("refundableAmount").asLong()).isEqualTo(7000);
        assertThat(firstCancel.get("cancelStatus").asString()).isEqualTo("DONE");
        assertThat(firstCancel.get("receiptKey").isNull()).isTrue();
        assertThat(firstCancel.get("cancelRequestId").isNull()).isTrue();
        assertThat(firstCancel.get("canceledAt").asString()).matches(ConfirmIT.OFFSET_TIMESTAMP);
        assertThat(firstCancel.get("transactionKey").asString()).matches("[0-9A-F]{32}").isNotEqualTo(approvalKey);
        assertThat(afterPartial.get("lastTransactionKey").asString())
            .isEqualTo(firstCancel.get("transactionKey").asString());

        Response rest = cancel(payment.paymentKey(), "{\"cancelReason\":\"전체 취소\"}");

        JsonNode afterFull = rest.json();
        assertThat(afterFull.get("status").asString()).isEqualTo("CANCELED");
        assertThat(afterFull.get("balanceAmount").asLong()).isZero();
        assertThat(afterFull.get("suppliedAmount").asLong()).isZero();
        assertThat(afterFull.get("vat").asLong()).isZero();
        assertThat(afterFull.get("card").get("acquireStatus").asString()).isEqualTo("CANCELED");
        assertThat(afterFull.get("cancels")).hasSize(2);
        assertThat(afterFull.get("cancels").get(1).get("cancelAmount").asLong()).isEqualTo(7000);
        assertThat(afterFull.get("cancels").get(1).get("refundableAmount").asLong()).isZero();
    }

    @Test
    void rejectsCancelAboveTheBalance() throws Exception {
        Created payment = createPayment(1000);
        confirm(payment);

        Response tooMuch = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":1001}");
        Response zero = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":0}");

        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(zero.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(stored(payment.paymentKey()).get("balanceAmount").asLong()).isEqualTo(1000);
    }

    @Test
    void rejectsCancelOfFullyCanceledPayment() throws Exception {
        Created payment = createPayment(1000);
        confirm(payment);
        assertThat(cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}").status()).isEqualTo(200);

        Response again = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("ALREADY_CANCELED_PAYMENT");
    }

    @Test
    void rejectsCancelOfUnapprovedPayment() throws Exception {
        Created payment = createPayment(1000);

        Response response = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("NOT_CANCELABLE_PAYMENT");
    }

    @Test
    void guardsWithRefundableAmount() throws Exception {
        Created payment = createPayment(5000);
        confirm(payment);

        Response stale = cancel(payment.paymentKey(),
                "{\"cancelReason\":\"x\",\"cancelAmount\":1000,\"refundableAmount\":4000}");
        Response current = cancel(payment.paymentKey(),
                "{\"cancelReason\":\"x\",\"cancelAmount\":1000,\"refundableAmount\":5000}");

        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("NOT_MATCHES_REFUNDABLE_AMOUNT");
        assertThat(current.json().get("balanceAmount").asLong()).isEqualTo(4000);
    }

    @Test
    void requiresReasonAndKnownPayment() throws Exception {
        Created payment = createPayment(1000);
        confirm(payment);

        Response noReason = cancel(payment.paymentKey(), "{\"cancelAmount\":100}");
        Response longReason = cancel(payment.paymentKey(), "{\"cancelReason\":\"%s\"}".formatted("가".repeat(201)));
        Response unknown = cancel("tvivaUnknown", "{\"cancelReason\":\"x\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("INVALID_REQUEST");
        assertThat(longReason.code()).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND_PAYMENT");
    }

}
