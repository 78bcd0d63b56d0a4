package com.acme.shop.payment.operations;

import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators do with payments beyond refunds: search them, read everything about one, re-check one with Toss,
 * count the queues, re-process a webhook, and read the approval statistics.
 */
class OperationsIT extends AbstractPaymentIT {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
    static final Map<String, String> OPERATOR = new HashMap<>(Http.AS_SERVICE);

    static {
        OPERATOR.put("X-Operator", "kim.operator");
    }

    String customer = "ops-" + UUID.randomUUID().toString().substring(0, 8);

    JsonNode checkoutAs(String customerId, String product, int quantity) {
        Http.Response r = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", customerId, "items",
                List.of(Map.of("productId", product, "quantity", quantity))));
        assertThat(r.status()).isEqualTo(201);
        return remember(r.body());
    }

    String paidAs(String customerId, String product, int quantity) {
        JsonNode checkout = checkoutAs(customerId, product, quantity);
        String orderId = checkout.get("orderId").asString();
        assertThat(confirm(authenticateAtSandbox(checkout), orderId, checkout.get("amount").asLong()).status())
                .isEqualTo(200);
        return orderId;
    }

    JsonNode search(String query) {
        Http.Response r = Http.get(url("/api/v1/payments/search?" + query), Http.AS_SERVICE);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void searchNarrowsByStatusCustomerAndAmountAndPagesByKeyset() {
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            paid.add(paidAs(customer, "MUG", 1 + i)); // 9,000 .. 45,000 won
        }
        String open = checkoutAs(customer, "STICKER", 1).get("orderId").asString();

        JsonNode all = search("from=" + TODAY + "&to=" + TODAY + "&customerId=" + customer);
        assertThat(all.get("total").asLong()).isEqualTo(6);
        assertThat(all.get("totalCapped").asBoolean()).isFalse();
        assertThat(all.get("items").findValuesAsString("orderId")).first().isEqualTo(open); // newest first

        JsonNode done = search("from=" + TODAY + "&to=" + TODAY + "&customerId=" + customer + "&status=DONE");
        assertThat(done.get("items").findValuesAsString("orderId")).containsExactlyInAnyOrderElementsOf(paid);
        assertThat(done.get("items").get(0).get("method").asString()).isEqualTo("카드");

        JsonNode midRange = search("from=" + TODAY + "&to=" + TODAY + "&customerId=" + customer
                + "&minAmount=18000&maxAmount=36000&sort=amount&direction=asc");
        assertThat(midRange.get("items").findValues("amount")).extracting(JsonNode::asLong)
                .containsExactly(18_000L, 27_000L, 36_000L);

        // pages of two, largest first, until the cursor runs out: every payment exactly once
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = search("from=" + TODAY + "&to=" + TODAY + "&customerId=" + customer
                    + "&sort=amount&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.get("items").findValuesAsString("orderId"));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).isEqualTo(paid.getLast());

        JsonNode byKey = search("paymentKey=" + sandboxCalls(paid.getFirst(), "/confirm").getFirst()
                .get("paymentKey").asString());
        assertThat(byKey.get("items").findValuesAsString("orderId")).containsExactly(paid.getFirst());
        assertThat(search("orderId=" + open).get("items").findValuesAsString("status")).containsExactly("READY");
    }

    @Test
    void searchByAmountAloneWalksTheAmountIndexAcrossPagesAndCountsThem() {
        // the open search (no customer, no exact key) takes the path with named indexes: a band of amounts no other
        // test uses, inserted as old aborted checkouts, with two equal amounts and one just outside the dates
        long band = 91_234_500L;
        List<String> inside = new ArrayList<>();
        Instant now = Instant.now();
        long[] amounts = {band, band + 100, band + 100, band + 300, band + 400};
        for (int i = 0; i < amounts.length; i++) {
            inside.add(insertAborted(amounts[i], now.minusSeconds(60L * (i + 1))));
        }
        insertAborted(band + 200, LocalDate.parse(TODAY).minusDays(3).atStartOfDay(ZoneId.of("Asia/Seoul"))
                .toInstant().minusSeconds(1));
        String query = "from=" + LocalDate.parse(TODAY).minusDays(2) + "&to=" + TODAY + "&minAmount=" + band
                + "&maxAmount=" + (band + 400) + "&sort=amount";
        for (String direction : List.of("desc", "asc")) {
            List<String> seen = new ArrayList<>();
            List<Long> seenAmounts = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = search(query + "&direction=" + direction + "&limit=2"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.get("total").asLong()).isEqualTo(5);
                seen.addAll(page.get("items").findValuesAsString("orderId"));
                page.get("items").findValues("amount").forEach(a -> seenAmounts.add(a.asLong()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            } while (cursor != null);
            assertThat(seen).as(direction).containsExactlyInAnyOrderElementsOf(inside).doesNotHaveDuplicates();
            List<Long> sorted = new ArrayList<>(seenAmounts);
            sorted.sort(direction.equals("desc") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertThat(seenAmounts).as(direction).isEqualTo(sorted);
        }
    }

    private String insertAborted(long amount, Instant created) {
        String orderId = "amt-" + UUID.randomUUID().toString().substring(0, 18);
        jdbc.update("""
                INSERT INTO payment (order_id, customer_id, order_name, total_amount, balance_amount, currency, items,
                    status, created_at, expires_at, updated_at, version)
                VALUES (?, ?, '금액 검색', ?, ?, 'KRW', '[]', 'ABORTED', ?, ?, ?, 0)""", orderId, customer, amount, amount,
                com.acme.shop.platform.jdbc.UtcTime.of(created),
                com.acme.shop.platform.jdbc.UtcTime.of(created.plus(Duration.ofMinutes(30))),
                com.acme.shop.platform.jdbc.UtcTime.of(created));
        return orderId;
    }

    @Test
    void searchRefusesWhatItCannotAnswerWithStableCodes() {
        Map<String, String> refused = Map.of(
                "customerId=x", "INVALID_DATE_RANGE",
                "from=2026-11-30&to=2026-11-01", "INVALID_DATE_RANGE",
                "from=2025-01-01&to=2026-11-30", "INVALID_DATE_RANGE",
                "from=+999999999-12-31&to=+999999999-12-31", "INVALID_DATE_RANGE",
                "from=2026-11-01&to=2026-11-30&status=PAID", "VALIDATION_FAILED",
                "from=2026-11-01&to=2026-11-30&method=%EB%B9%84%ED%8A%B8", "VALIDATION_FAILED",
                "from=2026-11-01&to=2026-11-30&minAmount=10&maxAmount=5", "VALIDATION_FAILED",
                "from=2026-11-01&to=2026-11-30&limit=201", "VALIDATION_FAILED",
                "from=2026-11-01&to=2026-11-30&cursor=bm90LWEtY3Vyc29y", "INVALID_CURSOR",
                "orderId=%EC%A3%BC%EB%AC%B8-1234", "VALIDATION_FAILED");
        refused.forEach((query, code) -> {
            Http.Response r = Http.get(url("/api/v1/payments/search?" + query.replace("+", "%2B")), Http.AS_SERVICE);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body().get("code").asString()).as(query).isEqualTo(code);
        });
        // a cursor of one sort is not a cursor of another
        paidAs(customer, "MUG", 1);
        paidAs(customer, "MUG", 2);
        String byAmount = search("from=" + TODAY + "&to=" + TODAY + "&customerId=" + customer + "&sort=amount&limit=1")
                .get("nextCursor").asString();
        Http.Response mixed = Http.get(url("/api/v1/payments/search?from=" + TODAY + "&to=" + TODAY
                + "&cursor=" + byAmount), Http.AS_SERVICE);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body().get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void detailsShowTossFactsRefundsRequestsWebhooksAndSecurityEvents() {
        JsonNode checkout = checkoutAs(customer, "TSHIRT", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        assertThat(confirm(paymentKey, orderId, 14_000).status()).isEqualTo(400); // a tampered amount first
        assertThat(confirm(paymentKey, orderId, 15_000).status()).isEqualTo(200);
        Http.post(url("/api/v1/webhooks/toss"), Map.of("eventType", "PAYMENT_STATUS_CHANGED", "createdAt",
                "2026-11-30T12:00:00.000000", "data", Map.of("orderId", orderId, "paymentKey", paymentKey,
                        "status", "DONE")));
        Http.post(url("/api/v1/payments/" + orderId + "/refunds"), Map.of("requestId", UUID.randomUUID().toString(),
                "amount", 5_000, "reason", "부분 환불"), OPERATOR);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode details = Http.get(url("/api/v1/payments/" + orderId + "/details"), Http.AS_SERVICE).body();
            assertThat(details.get("payment").get("balanceAmount").asLong()).isEqualTo(10_000);
            assertThat(details.get("webhooks").findValuesAsString("state")).containsExactly("PROCESSED");
        });
        JsonNode details = Http.get(url("/api/v1/payments/" + orderId + "/details"), Http.AS_SERVICE).body();
        JsonNode payment = details.get("payment");
        JsonNode atToss = sandboxPayment(paymentKey);
        assertThat(payment.get("card").get("issuerCode").asString())
                .isEqualTo(atToss.get("card").get("issuerCode").asString());
        assertThat(payment.get("card").get("installmentMonths").asInt()).isEqualTo(
                atToss.get("card").get("installmentPlanMonths").asInt());
        assertThat(payment.get("receiptUrl").asString()).startsWith("https://");
        assertThat(details.get("cancelableAmount").asLong()).isEqualTo(10_000);
        assertThat(details.get("refundAccountRequired").asBoolean()).isFalse();
        assertThat(details.get("refunds").findValuesAsString("cause")).containsExactly("MANUAL");
        assertThat(details.get("refunds").get(0).get("requestedBy").asString()).isEqualTo("kim.operator");
        assertThat(details.get("pgRequests").findValuesAsString("kind")).containsExactly("CONFIRM", "CANCEL");
        assertThat(details.get("pgRequests").get(0).get("outcome").isNull()).isFalse();
        assertThat(details.get("securityEvents").findValuesAsString("kind")).contains("CONFIRM_AMOUNT_MISMATCH");
    }

    @Test
    void aReviewedPaymentTossHoldsAsDoneIsApprovedByARecheckAndRunsTheSaga() {
        JsonNode checkout = checkoutAs(customer, "MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        // recovery gave up on the confirm's outcome while Toss in fact approved it
        jdbc.update("UPDATE payment SET status = 'MANUAL_REVIEW', payment_key = ?, review_reason = ? WHERE order_id = ?",
                paymentKey, "budget of 4 attempts spent", orderId);
        jdbc.update("INSERT INTO payment_order_mapping (order_id, payment_key, created_at) VALUES (?, ?, ?)",
                orderId, paymentKey, Timestamp.from(Instant.now()));
        assertThat(tossApi("/v1/payments/confirm", Map.of("paymentKey", paymentKey, "orderId", orderId,
                "amount", 9_000), Map.of()).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/payments/queues"), Http.AS_SERVICE).body().get("manualReview").asLong())
                .isPositive();

        Http.Response r = Http.post(url("/api/v1/payments/" + orderId + "/recheck"), Map.of(), OPERATOR);

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("changed").asBoolean()).isTrue();
        assertThat(r.body().get("payment").get("status").asString()).isEqualTo("DONE");
        EVENTS.await(TopicRecorder.event(orderId, "PAYMENT_APPROVED"));
        Http.Response again = Http.post(url("/api/v1/payments/" + orderId + "/recheck"), Map.of(), OPERATOR);
        assertThat(again.body().get("changed").asBoolean()).isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(EVENTS.matching(TopicRecorder.event(orderId, "PAYMENT_APPROVED"))).hasSize(1));
    }

    @Test
    void aReviewedPaymentTossNeverSawIsClosedAsAbortedAndOneTossStillAwaitsStaysForAPerson() {
        String neverSent = checkoutAs(customer, "MUG", 1).get("orderId").asString();
        jdbc.update("UPDATE payment SET status = 'MANUAL_REVIEW' WHERE order_id = ?", neverSent);

        JsonNode closed = Http.post(url("/api/v1/payments/" + neverSent + "/recheck"), Map.of(), OPERATOR).body();

        assertThat(closed.get("payment").get("status").asString()).isEqualTo("ABORTED");
        assertThat(closed.get("payment").get("failure").get("code").asString()).isEqualTo("NOT_FOUND_AT_PG");

        JsonNode checkout = checkoutAs(customer, "MUG", 1);
        String awaiting = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout); // authenticated, never confirmed: Toss awaits a confirm
        jdbc.update("UPDATE payment SET status = 'MANUAL_REVIEW', payment_key = ? WHERE order_id = ?", paymentKey,
                awaiting);
        Http.Response undecided = Http.post(url("/api/v1/payments/" + awaiting + "/recheck"), Map.of(), OPERATOR);
        assertThat(undecided.status()).isEqualTo(409);
        assertThat(undecided.body().get("code").asString()).isEqualTo("PG_UNDECIDED");
        assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE order_id = ?", String.class, awaiting))
                .isEqualTo("MANUAL_REVIEW");

        sandboxFault(Map.of("endpoint", "QUERY", "orderId", awaiting, "errorCode", "FAILED_INTERNAL_SYSTEM_PROCESSING",
                "times", 3));
        Http.Response unreadable = Http.post(url("/api/v1/payments/" + awaiting + "/recheck"), Map.of(), OPERATOR);
        assertThat(unreadable.status()).isEqualTo(503);
        assertThat(unreadable.body().get("code").asString()).isEqualTo("PG_UNAVAILABLE");
        Http.delete(SANDBOX_URL + "/sandbox/faults");
    }

    @Test
    void anIgnoredWebhookCanBeProcessedAgainAndAnUnknownOneIsNotFound() {
        String orderId = paidAs(customer, "MUG", 1);
        Http.Response stored = Http.post(url("/api/v1/webhooks/toss"), Map.of("eventType", "CANCEL_STATUS_CHANGED",
                "createdAt", "2026-11-30T12:00:00.000000", "data", Map.of("orderId", orderId, "status", "DONE")));
        assertThat(stored.status()).isEqualTo(200);
        JsonNode ignored = await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url("/api/v1/webhooks?orderId="
                + orderId), Http.AS_SERVICE).body().get(0), w -> w.get("state").asString().equals("IGNORED"));
        long id = ignored.get("id").asLong();
        assertThat(Http.get(url("/api/v1/webhooks/" + id), Http.AS_SERVICE).body().get("rawBody").asString())
                .contains("CANCEL_STATUS_CHANGED");

        Http.Response r = Http.post(url("/api/v1/webhooks/" + id + "/reprocess"), Map.of(), OPERATOR);

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode after = Http.get(url("/api/v1/webhooks/" + id), Http.AS_SERVICE).body();
            assertThat(after.get("state").asString()).isEqualTo("IGNORED");
            assertThat(after.get("attempts").asInt()).isEqualTo(1);
            assertThat(after.get("outcome").asString()).contains("CANCEL_STATUS_CHANGED");
        });
        Http.Response unknown = Http.post(url("/api/v1/webhooks/999999999/reprocess"), Map.of(), OPERATOR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
    }

    @Test
    void statsCountApprovalsAndDeclinesByMethodAndCodeAndTheRefundRate() {
        JsonNode before = Http.get(url("/api/v1/payments/stats?from=" + TODAY + "&to=" + TODAY), Http.AS_SERVICE).body();
        paidAs(customer, "MUG", 1);
        JsonNode declined = checkoutAs(customer, "MUG", 1);
        String declinedKey = authenticateAtSandbox(declined);
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", declined.get("orderId").asString(),
                "errorCode", "REJECT_CARD_COMPANY", "times", 1));
        assertThat(confirm(declinedKey, declined.get("orderId").asString(), 9_000).status()).isEqualTo(402);

        JsonNode after = Http.get(url("/api/v1/payments/stats?from=" + TODAY + "&to=" + TODAY), Http.AS_SERVICE).body();

        assertThat(after.get("approvedCount").asLong()).isEqualTo(before.get("approvedCount").asLong() + 1);
        assertThat(count(after, "byErrorCode", "code", "REJECT_CARD_COMPANY"))
                .isEqualTo(count(before, "byErrorCode", "code", "REJECT_CARD_COMPANY") + 1);
        JsonNode card = find(after.get("byMethod"), "method", "카드");
        assertThat(card.get("attempts").asLong()).isEqualTo(card.get("approved").asLong() + card.get("declined").asLong());
        assertThat(card.get("approvalRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(after.get("refundRate").asDouble()).isBetween(0.0, 1.0);
        Http.Response badRange = Http.get(url("/api/v1/payments/stats?from=" + TODAY), Http.AS_SERVICE);
        assertThat(badRange.status()).isEqualTo(400);
    }

    private static long count(JsonNode stats, String list, String key, String value) {
        JsonNode row = find(stats.get(list), key, value);
        return row == null ? 0 : row.get("count").asLong();
    }

    private static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode row : list) {
            if (row.get(key).asString().equals(value)) {
                return row;
            }
        }
        return null;
    }
}
