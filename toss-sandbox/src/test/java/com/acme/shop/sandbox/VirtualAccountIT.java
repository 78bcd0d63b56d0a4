package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.acme.shop.sandbox.api.TossTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Virtual accounts (가상계좌): issue on confirm, sandbox deposit, due date, cancel rules (docs/toss-api.md, sections 3
 * (the Payment object) and 5 (endpoints)).
 */
class VirtualAccountIT extends SandboxIntegrationTest {

    static final String REFUND_ACCOUNT = WebhookIntegrationTest.REFUND_ACCOUNT;

    @Test
    void confirmIssuesAnAccountWaitingForDeposit() throws Exception {
        Created payment = createPayment(35000, "가상계좌");

        Response confirmed = confirm(payment);

        assertThat(confirmed.status()).isEqualTo(200);
        JsonNode body = confirmed.json();
        assertThat(body.get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(body.get("method").asString()).isEqualTo("가상계좌");
        assertThat(body.get("approvedAt").isNull()).isTrue();
        assertThat(body.get("secret").asString()).matches("ps_[A-Za-z0-9]+").hasSizeLessThanOrEqualTo(50);
        assertThat(body.get("lastTransactionKey").asString()).matches("[0-9A-F]{32}");
        assertThat(body.get("balanceAmount").asLong()).isEqualTo(35000);
        assertThat(body.get("card").isNull()).isTrue();
        JsonNode account = body.get("virtualAccount");
        assertThat(account.get("accountType").asString()).isEqualTo("일반");
        assertThat(account.get("accountNumber").asString()).matches("[0-9]{14}");
        assertThat(account.get("bankCode").asString()).isEqualTo("88");
        assertThat(account.get("depositorName").isNull()).isTrue();
        assertThat(account.get("refundStatus").asString()).isEqualTo("NONE");
        assertThat(account.get("expired").asBoolean()).isFalse();
        assertThat(account.get("settlementStatus").asString()).isEqualTo("INCOMPLETED");
        assertThat(account.get("refundReceiveAccount").isNull()).isTrue();
        assertThat(account.has("customerName")).isTrue();
        assertThat(account.get("dueDate").asString()).matches(ConfirmIT.OFFSET_TIMESTAMP);
        assertThat(OffsetDateTime.parse(account.get("dueDate").asString()).toInstant())
            .isEqualTo(clock.instant().plus(Duration.ofHours(168)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(confirm(payment).code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void depositApprovesThePayment() throws Exception {
        Created payment = createPayment(35000, "VIRTUAL_ACCOUNT");
        String issueKey = confirm(payment).json().get("lastTransactionKey").asString();

        Response deposited = post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "{\"depositorName\":\"박토스\"}");

        assertThat(deposited.status()).isEqualTo(200);
        JsonNode body = deposited.json();
        assertThat(body.get("status").asString()).isEqualTo("DONE");
        assertThat(body.get("approvedAt").asString()).matches(ConfirmIT.OFFSET_TIMESTAMP);
        assertThat(body.get("lastTransactionKey").asString()).matches("[0-9A-F]{32}").isNotEqualTo(issueKey);
        assertThat(body.get("virtualAccount").get("settlementStatus").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("virtualAccount").get("depositorName").asString()).isEqualTo("박토스");
        assertThat(get("/v1/payments/" + payment.paymentKey(), withAuth()).json().get("status").asString())
            .isEqualTo("DONE");

        Response again = post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOT_WAITING_FOR_DEPOSIT");
        assertThat(post("/sandbox/payments/tvivaUnknown/deposit", "").status()).isEqualTo(404);

        // a deposited account is an approved payment: it shows up in the settlements
        clock.advance(Duration.ofDays(1));
        String soldDate = LocalDate.ofInstant(clock.instant().minus(Duration.ofDays(1)), TossTime.ZONE).toString();
        Response settlements = get("/v1/settlements?startDate=" + soldDate + "&endDate=" + soldDate + "&size=5000", withAuth());
        assertThat(settlements.status()).isEqualTo(200);
        assertThat(settlements.body()).contains(payment.paymentKey());
    }

    @Test
    void anAccountPastItsDueDateExpiresAndRefusesDeposits() throws Exception {
        Created payment = createPayment(10000, "가상계좌");
        confirm(payment);
        Created unconfirmedCard = createPayment(1000);

        clock.advance(Duration.ofHours(168));

        JsonNode expired = stored(payment.paymentKey());
        assertThat(expired.get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(expired.get("virtualAccount").get("expired").asBoolean()).isTrue();
        Response deposit = post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "");
        assertThat(deposit.status()).isEqualTo(409);
        assertThat(deposit.code()).isEqualTo("EXPIRED_VIRTUAL_ACCOUNT");
        assertThat(stored(payment.paymentKey()).get("status").asString()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(post("/sandbox/payments/" + unconfirmedCard.paymentKey() + "/deposit", "").code())
            .isEqualTo("NOT_WAITING_FOR_DEPOSIT");
        // the merchant can still cancel the order's account
        assertThat(cancel(payment.paymentKey(), "{\"cancelReason\":\"기한 만료\"}").json().get("status").asString())
            .isEqualTo("CANCELED");
    }

    @Test
    void beforeDepositOnlyAFullCancelIsAllowed() throws Exception {
        Created payment = createPayment(10000, "가상계좌");
        confirm(payment);

        Response partial = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":3000}");
        assertThat(partial.status()).isEqualTo(403);
        assertThat(partial.code()).isEqualTo("NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT");
        assertThat(stored(payment.paymentKey()).get("balanceAmount").asLong()).isEqualTo(10000);

        Response full = cancel(payment.paymentKey(), "{\"cancelReason\":\"주문 취소\"}");

        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("status").asString()).isEqualTo("CANCELED");
        assertThat(full.json().get("balanceAmount").asLong()).isZero();
        assertThat(full.json().get("virtualAccount").get("refundStatus").asString()).isEqualTo("NONE");
        assertThat(post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "").code())
            .isEqualTo("NOT_WAITING_FOR_DEPOSIT");
    }

    @Test
    void aDepositedAccountIsRefundedToTheCustomersAccount() throws Exception {
        Created payment = createPayment(10000, "가상계좌");
        confirm(payment);
        post("/sandbox/payments/" + payment.paymentKey() + "/deposit", "");

        Response missing = cancel(payment.paymentKey(), "{\"cancelReason\":\"x\",\"cancelAmount\":3000}");
        Response badNumber = cancel(payment.paymentKey(), """
                {"cancelReason":"x","cancelAmount":3000,
                 "refundReceiveAccount":{"bank":"88","accountNumber":"110-123-456","holderName":"박토스"}}""");
        Response noHolder = cancel(payment.paymentKey(), """
                {"cancelReason":"x","refundReceiveAccount":{"bank":"88","accountNumber":"110123456"}}""");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("INVALID_REFUND_ACCOUNT_INFO");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.code()).isEqualTo("INVALID_REFUND_ACCOUNT_NUMBER");
        assertThat(noHolder.code()).isEqualTo("INVALID_REFUND_ACCOUNT_INFO");
        assertThat(stored(payment.paymentKey()).get("balanceAmount").asLong()).isEqualTo(10000);

        Response refunded = cancel(payment.paymentKey(),
                "{\"cancelReason\":\"부분 환불\",\"cancelAmount\":3000,\"refundReceiveAccount\":" + REFUND_ACCOUNT + "}");

        assertThat(refunded.status()).isEqualTo(200);
        JsonNode body = refunded.json();
        assertThat(body.get("status").asString()).isEqualTo("PARTIAL_CANCELED");
        assertThat(body.get("balanceAmount").asLong()).isEqualTo(7000);
        assertThat(body.get("virtualAccount").get("refundStatus").asString()).isEqualTo("COMPLETED");
        JsonNode refundAccount = body.get("virtualAccount").get("refundReceiveAccount");
        assertThat(refundAccount.get("bankCode").asString()).isEqualTo("88");
        assertThat(refundAccount.get("accountNumber").asString()).isEqualTo("11012345678901");
        assertThat(refundAccount.get("holderName").asString()).isEqualTo("박토스");
    }

    @Test
    void theWindowOffersVirtualAccounts() throws Exception {
        String orderId = newOrderId();
        String params = "clientKey=" + CLIENT_KEY + "&method=" + enc("카드") + "&amount=20000&orderId=" + orderId
                + "&orderName=" + enc("책") + "&customerName=" + enc("박토스")
                + "&successUrl=" + enc("https://shop.example/success") + "&failUrl=" + enc("https://shop.example/fail");

        Response page = get("/sandbox/window?" + params);
        assertThat(page.body()).contains("id=\"method-CARD\"", "id=\"method-EASY_PAY\"", "id=\"method-TRANSFER\"",
                "id=\"method-VIRTUAL_ACCOUNT\"", "가상계좌");

        Response approved = postForm("/sandbox/window/approve", params.replace("method=" + enc("카드"),
                "method=" + enc("가상계좌")));
        assertThat(approved.status()).isEqualTo(302);
        String paymentKey = approved.location().replaceAll(".*paymentKey=([^&]+).*", "$1");
        assertThat(stored(paymentKey).get("method").asString()).isEqualTo("가상계좌");
        assertThat(confirm(new Created(paymentKey, orderId, 20000)).json().get("status").asString())
            .isEqualTo("WAITING_FOR_DEPOSIT");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
