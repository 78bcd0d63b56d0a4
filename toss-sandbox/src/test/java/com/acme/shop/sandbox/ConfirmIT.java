package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfirmIT extends SandboxIntegrationTest {

    /** Every key of the 2022-11-16 Payment object; real responses carry all of them, with explicit nulls. */
    static final List<String> PAYMENT_KEYS = List.of("version", "paymentKey", "type", "orderId", "orderName", "mId",
            "currency", "method", "totalAmount", "balanceAmount", "status", "requestedAt", "approvedAt", "useEscrow",
            "lastTransactionKey", "suppliedAmount", "vat", "cultureExpense", "taxFreeAmount", "taxExemptionAmount",
            "cancels", "isPartialCancelable", "card", "virtualAccount", "secret", "mobilePhone", "giftCertificate",
            "transfer", "metadata", "receipt", "checkout", "easyPay", "country", "failure", "cashReceipt",
            "cashReceipts", "discount", "transactionKey");

    static final String OFFSET_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00";

    @Test
    void confirmsCardPaymentWithTheFullPaymentObject() throws Exception {
        Created payment = createPayment(1000);

        Response response = confirm(payment);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode body = response.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(PAYMENT_KEYS);
        assertThat(body.get("version").asString()).isEqualTo("2022-11-16");
        assertThat(body.get("paymentKey").asString()).isEqualTo(payment.paymentKey());
        assertThat(body.get("orderId").asString()).isEqualTo(payment.orderId());
        assertThat(body.get("mId").asString()).isEqualTo("tosspayments");
        assertThat(body.get("status").asString()).isEqualTo("DONE");
        assertThat(body.get("method").asString()).isEqualTo("카드");
        assertThat(body.get("totalAmount").isIntegralNumber()).isTrue();
        assertThat(body.get("totalAmount").asLong()).isEqualTo(1000);
        assertThat(body.get("balanceAmount").asLong()).isEqualTo(1000);
        assertThat(body.get("suppliedAmount").asLong()).isEqualTo(909);
        assertThat(body.get("vat").asLong()).isEqualTo(91);
        assertThat(body.get("requestedAt").asString()).matches(OFFSET_TIMESTAMP);
        assertThat(body.get("approvedAt").asString()).matches(OFFSET_TIMESTAMP);
        assertThat(body.get("lastTransactionKey").asString()).matches("[0-9A-F]{32}");
        assertThat(body.get("secret").asString()).startsWith("ps_");
        assertThat(body.get("cancels").isNull()).isTrue();
        assertThat(body.get("virtualAccount").isNull()).isTrue();
        assertThat(body.get("easyPay").isNull()).isTrue();
        assertThat(body.get("failure").isNull()).isTrue();
        assertThat(body.get("transactionKey").isNull()).isTrue();
        assertThat(body.get("receipt").get("url").asString()).isNotBlank();
        assertThat(body.get("checkout").get("url").asString()).endsWith(payment.paymentKey() + "/checkout");
        JsonNode card = body.get("card");
        assertThat(card.get("issuerCode").asString()).isEqualTo("71");
        assertThat(card.get("number").asString()).isEqualTo("12345678****000*");
        assertThat(card.get("interestPayer").isNull()).isTrue();
        assertThat(card.get("isInterestFree").asBoolean()).isFalse();
        assertThat(card.get("acquireStatus").asString()).isEqualTo("READY");
        assertThat(card.get("amount").asLong()).isEqualTo(1000);
    }

    @Test
    void fillsTheSubObjectOfTheMethodUsed() throws Exception {
        JsonNode easyPay = confirm(createPayment(15000, "EASY_PAY")).json();
        assertThat(easyPay.get("method").asString()).isEqualTo("간편결제");
        assertThat(easyPay.get("easyPay").get("provider").asString()).isEqualTo("토스페이");
        assertThat(easyPay.get("card").isNull()).isTrue();
        assertThat(easyPay.get("vat").asLong()).isEqualTo(1364);
        assertThat(easyPay.get("suppliedAmount").asLong()).isEqualTo(13636);

        JsonNode transfer = confirm(createPayment(5000, "계좌이체")).json();
        assertThat(transfer.get("transfer").get("bankCode").asString()).isEqualTo("88");
        assertThat(transfer.get("transfer").get("settlementStatus").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void findsPaymentByKeyAndByOrderId() throws Exception {
        Created payment = createPayment(2000);

        Response byKey = get("/v1/payments/" + payment.paymentKey(), withAuth());
        Response byOrder = get("/v1/payments/orders/" + payment.orderId(), withAuth());

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(byKey.json().get("approvedAt").isNull()).isTrue();
        assertThat(byOrder.body()).isEqualTo(byKey.body());
    }

    @Test
    void answersNotFoundForUnknownPayments() throws Exception {
        assertThat(get("/v1/payments/tvivaUnknown", withAuth()).code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(get("/v1/payments/orders/no-such-order", withAuth()).status()).isEqualTo(404);

        Response confirm = confirm(new Created("tvivaUnknown", "order-unknown", 1000));

        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.code()).isEqualTo("NOT_FOUND_PAYMENT");
    }

    @Test
    void rejectsConfirmWithAnotherAmountOrOrderId() throws Exception {
        Created payment = createPayment(1000);

        Response tamperedAmount = confirm(new Created(payment.paymentKey(), payment.orderId(), 100));
        Response otherOrder = confirm(new Created(payment.paymentKey(), newOrderId(), 1000));

        assertThat(tamperedAmount.status()).isEqualTo(400);
        assertThat(tamperedAmount.code()).isEqualTo("INVALID_REQUEST");
        assertThat(otherOrder.code()).isEqualTo("INVALID_REQUEST");
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void rejectsSecondConfirmAsAlreadyProcessed() throws Exception {
        Created payment = createPayment(1000);
        assertThat(confirm(payment).status()).isEqualTo(200);

        Response second = confirm(payment);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void expiresPaymentsNotConfirmedWithinTenMinutes() throws Exception {
        Created payment = createPayment(1000);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Response late = confirm(payment);

        assertThat(late.status()).isEqualTo(404);
        assertThat(late.code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        JsonNode expired = get("/v1/payments/" + payment.paymentKey(), withAuth()).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("failure").get("code").asString()).isEqualTo("EXPIRED_PAYMENT");
    }

    @Test
    void confirmsJustInsideTheTenMinuteWindow() throws Exception {
        Created payment = createPayment(1000);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));

        assertThat(confirm(payment).status()).isEqualTo(200);
    }

    @Test
    void rejectsMalformedAndIncompleteBodies() throws Exception {
        Response malformed = post("/v1/payments/confirm", "{not json", withAuth());
        Response incomplete = post("/v1/payments/confirm", "{\"paymentKey\":\"x\",\"orderId\":\"order-1\"}",
                withAuth());

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("INVALID_REQUEST");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void ignoresUnknownRequestFields() throws Exception {
        Created payment = createPayment(1000);
        String body = confirmBody(payment).replace("}", ",\"somethingNew\":{\"x\":1}}");

        assertThat(post("/v1/payments/confirm", body, withAuth()).status()).isEqualTo(200);
    }

    @Test
    void validatesSandboxPaymentCreation() throws Exception {
        String orderId = newOrderId();
        String valid = "{\"orderId\":\"%s\",\"amount\":1000,\"orderName\":\"주문\"}".formatted(orderId);
        assertThat(post("/sandbox/payments", valid).status()).isEqualTo(200);

        assertThat(post("/sandbox/payments", valid).code()).isEqualTo("DUPLICATED_ORDER_ID");
        assertThat(post("/sandbox/payments", "{\"orderId\":\"%s\",\"amount\":99,\"orderName\":\"주문\"}"
            .formatted(newOrderId())).code()).isEqualTo("BELOW_MINIMUM_AMOUNT");
        assertThat(post("/sandbox/payments", "{\"orderId\":\"a b\",\"amount\":1000,\"orderName\":\"주문\"}").code())
            .isEqualTo("INVALID_ORDER_ID");
        assertThat(post("/sandbox/payments", "{\"orderId\":\"%s\",\"amount\":1000}".formatted(newOrderId())).status())
            .isEqualTo(400);
    }

}
