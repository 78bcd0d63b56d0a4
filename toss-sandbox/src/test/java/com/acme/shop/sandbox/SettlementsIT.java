package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/settlements} and the sandbox-only distortions (package {@code sandbox.settlement}). */
class SettlementsIT extends SandboxIntegrationTest {

    @AfterEach
    void clearDistortions() throws Exception {
        send(request("/sandbox/settlements/distortions").DELETE());
    }

    @Test
    void listsOneRowPerApprovalAndCancelFromTheNextDayOn() throws Exception {
        Created payment = createPayment(10_000);
        JsonNode confirmed = confirm(payment).json();
        String soldDate = OffsetDateTime.parse(confirmed.get("approvedAt").asString()).toLocalDate().toString();
        JsonNode canceled = cancel(payment.paymentKey(), "{\"cancelReason\":\"부분 취소\",\"cancelAmount\":3000}").json();
        String cancelKey = canceled.get("cancels").get(0).get("transactionKey").asString();
        String query = "/v1/settlements?startDate=" + soldDate + "&endDate=" + soldDate;

        assertThat(rowsOf(payment, get(query, withAuth()))).as("not before D+1").isEmpty();

        clock.advance(Duration.ofDays(1));
        Response response = get(query + "&dateType=soldDate&size=5000", withAuth());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        List<JsonNode> rows = rowsOf(payment, response);
        assertThat(rows).hasSize(2);
        JsonNode sale = rows.get(0);
        assertThat(sale.get("transactionKey").asString()).isEqualTo(confirmed.get("lastTransactionKey").asString());
        assertThat(sale.get("mId").asString()).isEqualTo("tosspayments");
        assertThat(sale.get("orderId").asString()).isEqualTo(payment.orderId());
        assertThat(sale.get("method").asString()).isEqualTo("카드");
        assertThat(sale.get("amount").asLong()).isEqualTo(10_000);
        assertThat(sale.get("supplyAmount").asLong()).as("fee 3.4%").isEqualTo(340);
        assertThat(sale.get("vat").asLong()).as("10% of the fee").isEqualTo(34);
        assertThat(sale.get("fees").get(0).get("type").asString()).isEqualTo("BASE");
        assertThat(sale.get("fees").get(0).get("fee").asLong()).isEqualTo(374);
        assertThat(sale.get("payOutAmount").asLong()).isEqualTo(9_626);
        assertThat(sale.get("soldDate").asString()).isEqualTo(soldDate);
        assertThat(sale.get("paidOutDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(sale.get("cancel").isNull()).isTrue();
        JsonNode refund = rows.get(1);
        assertThat(refund.get("transactionKey").asString()).isEqualTo(cancelKey);
        assertThat(refund.get("amount").asLong()).isEqualTo(-3_000);
        // fee still charged on 7,000: round(340 x 0.7) = 238, so 102 back; VAT round(34 x 0.7) = 24, so 10 back
        assertThat(refund.get("supplyAmount").asLong()).isEqualTo(-102);
        assertThat(refund.get("vat").asLong()).isEqualTo(-10);
        assertThat(refund.get("payOutAmount").asLong()).isEqualTo(-3_000 + 112);
        assertThat(refund.get("cancel").get("cancelAmount").asLong()).isEqualTo(3_000);

        String paidOut = sale.get("paidOutDate").asString();
        Response byPayout = get("/v1/settlements?startDate=" + paidOut + "&endDate=" + paidOut + "&dateType=paidOutDate",
                withAuth());
        assertThat(rowsOf(payment, byPayout)).isNotEmpty();
        assertThat(get("/sandbox/calls?path=/v1/settlements").json().size()).isPositive();
    }

    @Test
    void needsTheSecretKeyLikeEveryApiCall() throws Exception {
        Response response = get("/v1/settlements?startDate=2026-11-20&endDate=2026-11-20");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = { "startDate=2026-11-20&endDate=2026-11-20&dateType=approvedDate",
            "startDate=2026-11-20&endDate=2026-11-20&dateType=SOLD_DATE", "endDate=2026-11-20",
            "startDate=2026-11-20", "startDate=20261120&endDate=2026-11-20",
            "startDate=2026-11-21&endDate=2026-11-20", "startDate=2026-11-20&endDate=2026-11-20&size=5001",
            "startDate=2026-11-20&endDate=2026-11-20&page=0", "startDate=2026-11-20&endDate=2026-11-20&size=x" })
    void rejectsBadQueriesWithInvalidRequest(String query) throws Exception {
        Response response = get("/v1/settlements?" + query, withAuth());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void distortsOnePaymentOnDemandAndPagesThroughTheRows() throws Exception {
        Created payment = createPayment(20_000, "계좌이체");
        JsonNode confirmed = confirm(payment).json();
        String soldDate = OffsetDateTime.parse(confirmed.get("approvedAt").asString()).toLocalDate().toString();
        clock.advance(Duration.ofDays(1));
        String query = "/v1/settlements?startDate=" + soldDate + "&endDate=" + soldDate;
        JsonNode honest = rowsOf(payment, get(query + "&size=5000", withAuth())).get(0);
        assertThat(honest.get("supplyAmount").asLong()).as("transfer 2.0%").isEqualTo(400);

        Response put = put("/sandbox/settlements/distortions/" + payment.paymentKey(),
                "{\"feeDelta\":10,\"payoutDateShiftDays\":1}");
        assertThat(put.status()).isEqualTo(200);
        JsonNode distorted = rowsOf(payment, get(query + "&size=5000", withAuth())).get(0);

        assertThat(distorted.get("supplyAmount").asLong()).isEqualTo(410);
        assertThat(distorted.get("payOutAmount").asLong()).isEqualTo(20_000 - 410 - 40);
        assertThat(distorted.get("paidOutDate").asString())
            .isEqualTo(java.time.LocalDate.parse(honest.get("paidOutDate").asString()).plusDays(1).toString());

        put("/sandbox/settlements/distortions/" + payment.paymentKey(), "{\"omit\":true}");
        assertThat(rowsOf(payment, get(query + "&size=5000", withAuth()))).isEmpty();
        assertThat(put("/sandbox/settlements/distortions/" + payment.paymentKey(), "{}").status()).isEqualTo(400);

        send(request("/sandbox/settlements/distortions").DELETE());
        JsonNode firstPage = get(query + "&size=1&page=1", withAuth()).json();
        JsonNode secondPage = get(query + "&size=1&page=2", withAuth()).json();
        assertThat(firstPage).hasSize(1);
        assertThat(secondPage.size()).isLessThanOrEqualTo(1);
        if (secondPage.size() == 1) {
            assertThat(secondPage.get(0).get("transactionKey").asString())
                .isNotEqualTo(firstPage.get(0).get("transactionKey").asString());
        }
    }

    private static List<JsonNode> rowsOf(Created payment, Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().forEach(row -> {
            if (row.get("paymentKey").asString().equals(payment.paymentKey())) {
                rows.add(row);
            }
        });
        return rows;
    }

}
