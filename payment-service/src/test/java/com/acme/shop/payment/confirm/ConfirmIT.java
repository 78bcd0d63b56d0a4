package com.acme.shop.payment.confirm;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.EventSchemas;
import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.payment.AbstractPaymentIT;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmIT extends AbstractPaymentIT {

    @Test
    void checkoutPricesFromTheCatalogAndNeverFromTheClient() {
        Http.Response offered = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "customer-1",
                "amount", 10, "items", List.of(Map.of("productId", "TSHIRT", "quantity", 2))));
        Http.Response r = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "customer-1",
                "items", List.of(Map.of("productId", "TSHIRT", "quantity", 2), Map.of("productId", "MUG", "quantity", 1))));

        // an amount offered by the client is not ignored but refused: the request says something we never accept
        assertThat(offered.status()).isEqualTo(400);
        assertThat(offered.body().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.body();
        assertThat(body.get("amount").asLong()).isEqualTo(39_000);
        assertThat(body.get("orderName").asString()).isEqualTo("TSHIRT 상품 외 1건");
        assertThat(body.get("orderId").asString()).matches("[A-Za-z0-9_-]{22}");
        assertThat(body.get("successUrl").asString()).endsWith("/success.html");
        assertThat(body.get("clientKey").asString()).startsWith("test_ck_");
        assertThat(Http.get(url("/api/v1/payments/" + body.get("orderId").asString()), Http.AS_SERVICE).body().get("status").asString())
                .isEqualTo("READY");
    }

    @Test
    void checkoutRejectsBadInputWithStableCodes() {
        assertThat(Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items", List.of()))
                .body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items",
                List.of(Map.of("productId", "TSHIRT", "quantity", 0)))).status()).isEqualTo(400);
        assertThat(Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items",
                List.of(Map.of("productId", "TSHIRT", "quantity", 1), Map.of("productId", "TSHIRT", "quantity", 2))))
                .body().get("code").asString()).isEqualTo("DUPLICATE_PRODUCT");
        assertThat(Http.post(url("/api/v1/payments/checkout"), "{not json").body().get("code").asString())
                .isEqualTo("MALFORMED_REQUEST");
        Http.Response unknown = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items",
                List.of(Map.of("productId", "NOPE", "quantity", 1))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("PRODUCT_NOT_FOUND");
        Http.Response soldOut = Http.post(url("/api/v1/payments/checkout"), Map.of("customerId", "c", "items",
                List.of(Map.of("productId", "SOLD-OUT", "quantity", 1))));
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.body().get("code").asString()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void confirmApprovesAtTossAndPublishesPaymentApprovedOnce() {
        JsonNode checkout = checkout("TSHIRT", 2, "MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);

        Http.Response r = confirm(paymentKey, orderId, 39_000);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("DONE");
        assertThat(r.body().get("method").asString()).isEqualTo("카드");
        JsonNode atToss = sandboxPayment(paymentKey);
        assertThat(atToss.get("status").asString()).isEqualTo("DONE");
        // what an operator reads to a customer on the phone is kept as Toss answered it
        assertThat(r.body().get("card").get("number").asString()).isEqualTo(atToss.get("card").get("number").asString());
        assertThat(r.body().get("card").get("approveNo").asString())
                .isEqualTo(atToss.get("card").get("approveNo").asString());
        assertThat(r.body().get("receiptUrl").asString()).isEqualTo(atToss.get("receipt").get("url").asString());
        List<JsonNode> calls = sandboxCalls(orderId, "/confirm");
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().get("idempotencyKey").asString()).isEqualTo("confirm-" + orderId + "-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_order_mapping WHERE order_id = ? AND payment_key = ?",
                Integer.class, orderId, paymentKey)).isEqualTo(1);

        ConsumerRecord<String, String> record = EVENTS.await(TopicRecorder.event(orderId, "PAYMENT_APPROVED"));
        assertThat(EventSchemas.load().validate(EventType.PAYMENT_APPROVED, record.value())).isEmpty();
        PaymentApproved event = (PaymentApproved) new EventCodec().decode(record.value()).payload();
        assertThat(event.totalAmount()).isEqualTo(39_000);
        assertThat(event.paymentKey()).isEqualTo(paymentKey);
        assertThat(event.items()).hasSize(2);
        assertThat(new String(record.headers().lastHeader("eventType").value())).isEqualTo("PAYMENT_APPROVED");
    }

    @Test
    void repeatedConfirmReturnsTheStoredResultWithoutCallingToss() {
        JsonNode checkout = checkout("STICKER", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        assertThat(confirm(paymentKey, orderId, 3_000).status()).isEqualTo(200);

        Http.Response again = confirm(paymentKey, orderId, 3_000);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asString()).isEqualTo("DONE");
        assertThat(sandboxCalls(orderId, "/confirm")).hasSize(1);
        EVENTS.await(TopicRecorder.event(orderId, "PAYMENT_APPROVED"));
        assertThat(EVENTS.matching(TopicRecorder.event(orderId, "PAYMENT_APPROVED"))).hasSize(1);
    }

    @Test
    void fiftyConcurrentConfirmsOfOneOrderReachTossOnce() throws Exception {
        JsonNode checkout = checkout("MUG", 2);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit((Callable<Http.Response>) () -> confirm(paymentKey, orderId, 18_000)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 202).contains(200);
        assertThat(sandboxCalls(orderId, "/confirm")).hasSize(1);
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("DONE");
        EVENTS.await(TopicRecorder.event(orderId, "PAYMENT_APPROVED"));
        assertThat(EVENTS.matching(TopicRecorder.event(orderId, "PAYMENT_APPROVED"))).hasSize(1);
    }

    @Test
    void tamperedAmountIsRefusedBeforeTossAndRecordedAsSecurityEvent() {
        JsonNode checkout = checkout("TSHIRT", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);

        Http.Response r = confirm(paymentKey, orderId, 100);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(sandboxCalls(orderId, "/confirm")).isEmpty();
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString()).isEqualTo("READY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE order_id = ? AND kind = ?",
                Integer.class, orderId, "CONFIRM_AMOUNT_MISMATCH")).isEqualTo(1);
    }

    @Test
    void unknownOrderAndMalformedKeyAreRefused() {
        Http.Response unknown = confirm("tviva20261121000000abcde", "no-such-order-123", 1000);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");

        JsonNode checkout = checkout("STICKER", 1);
        Http.Response malformed = confirm("bad key!", checkout.get("orderId").asString(), 3_000);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("code").asString()).isEqualTo("INVALID_PAYMENT_KEY");
        assertThat(Http.post(url("/api/v1/payments/confirm"), Map.of("orderId", "x")).body().get("code").asString())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aPaymentKeyCannotBeUsedForAnotherOrder() {
        JsonNode first = checkout("STICKER", 1);
        String key = authenticateAtSandbox(first);
        assertThat(confirm(key, first.get("orderId").asString(), 3_000).status()).isEqualTo(200);
        JsonNode second = checkout("STICKER", 1);

        Http.Response r = confirm(key, second.get("orderId").asString(), 3_000);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("code").asString()).isEqualTo("PAYMENT_KEY_ALREADY_USED");
        assertThat(sandboxCalls(second.get("orderId").asString(), "/confirm")).isEmpty();
    }

    @Test
    void declineAbortsThePaymentAndPublishesNothing() {
        JsonNode checkout = checkout("TSHIRT", 1);
        String orderId = checkout.get("orderId").asString();
        String paymentKey = authenticateAtSandbox(checkout);
        sandboxFault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "errorCode", "REJECT_CARD_PAYMENT", "times", 1));

        Http.Response r = confirm(paymentKey, orderId, 15_000);

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.body().get("code").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(r.body().get("pgCode").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        JsonNode payment = Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body();
        assertThat(payment.get("status").asString()).isEqualTo("ABORTED");
        assertThat(payment.get("failure").get("code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(EVENTS.matching(TopicRecorder.event(orderId, "PAYMENT_APPROVED"))).isEmpty();
    }

    @Test
    void aMadeUpPaymentKeyTriedFirstLeavesTheCheckoutConfirmableByTheRealOne() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String realKey = authenticateAtSandbox(checkout);

        // someone with the checkout's token (a tampered page, a mistyped key) confirms a key Toss never issued
        Http.Response fake = confirm("made_up_key_0123456789", orderId, 9_000);

        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.body().get("code").asString()).isEqualTo("INVALID_PAYMENT_KEY");
        assertThat(Http.get(url("/api/v1/payments/" + orderId), Http.AS_SERVICE).body().get("status").asString())
                .isEqualTo("READY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE order_id = ? AND kind = ?",
                Integer.class, orderId, "CONFIRM_KEY_UNKNOWN_TO_PG")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_order_mapping WHERE order_id = ?", Integer.class,
                orderId)).isZero();

        Http.Response real = confirm(realKey, orderId, 9_000);

        assertThat(real.status()).as(real.raw()).isEqualTo(200);
        assertThat(real.body().get("status").asString()).isEqualTo("DONE");
        assertThat(real.body().get("paymentKey").asString()).isEqualTo(realKey);
        assertThat(sandboxCalls(orderId, "/confirm")).extracting(c -> c.get("idempotencyKey").asString())
                .containsExactly("confirm-" + orderId + "-1", "confirm-" + orderId + "-2");
        assertThat(EVENTS.await(TopicRecorder.event(orderId, "PAYMENT_APPROVED"))).isNotNull();
    }

    @Test
    void aStrangerWhoKnowsTheOrderIdButNotTheCheckoutTokenIsToldThereIsNoSuchCheckout() {
        JsonNode checkout = checkout("MUG", 1);
        String orderId = checkout.get("orderId").asString();
        String realKey = authenticateAtSandbox(checkout);
        Map<String, Object> body = Map.of("paymentKey", realKey, "orderId", orderId, "amount", 9_000);

        Http.Response anonymous = Http.post(url("/api/v1/payments/confirm"), body);
        Http.Response wrongToken = Http.post(url("/api/v1/payments/confirm"), body,
                Map.of("X-Checkout-Token", "A".repeat(43)));
        Http.Response abort = Http.post(url("/api/v1/payments/" + orderId + "/fail"),
                Map.of("code", "PAY_PROCESS_CANCELED"));
        Http.Response read = Http.get(url("/api/v1/payments/" + orderId));

        for (Http.Response r : List.of(anonymous, wrongToken, abort, read)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");
        }
        assertThat(sandboxCalls(orderId, "/confirm")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE order_id = ? AND kind = ?",
                Integer.class, orderId, "CONFIRM_WITHOUT_CHECKOUT_TOKEN")).isEqualTo(2);
        // and the customer's own confirm still goes through
        assertThat(confirm(realKey, orderId, 9_000).status()).isEqualTo(200);
    }

    @Test
    void failUrlAbortsAReadyPaymentIdempotently() {
        JsonNode checkout = checkout("STICKER", 2);
        String orderId = checkout.get("orderId").asString();
        Map<String, String> fail = Map.of("code", "PAY_PROCESS_CANCELED", "message", "사용자가 결제를 취소하였습니다");

        Http.Response first = Http.post(url("/api/v1/payments/" + orderId + "/fail"), fail, holderOf(orderId));
        Http.Response second = Http.post(url("/api/v1/payments/" + orderId + "/fail"), fail, holderOf(orderId));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asString()).isEqualTo("ABORTED");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("failure").get("code").asString()).isEqualTo("PAY_PROCESS_CANCELED");
        assertThat(confirm(authenticateAtSandbox(checkout), orderId, 6_000).body().get("code").asString())
                .isEqualTo("PAYMENT_NOT_CONFIRMABLE");
        assertThat(Http.post(url("/api/v1/payments/" + orderId + "/fail"), Map.of("code", "bad code"), holderOf(orderId))
                .status()).isEqualTo(400);
    }

    @Test
    void unknownPaymentIs404WithCode() {
        Http.Response r = Http.get(url("/api/v1/payments/does-not-exist"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");
        // a route nobody declared is closed to everyone (deny by default), and says so as a problem
        Http.Response route = Http.get(url("/api/v1/nothing-here"));
        assertThat(route.status()).isEqualTo(401);
        assertThat(route.raw()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"");
        assertThat(Http.get(url("/api/v1/nothing-here"), Http.AS_SERVICE).status()).isEqualTo(403);
    }
}
