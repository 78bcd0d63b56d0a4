package com.acme.shop.chaos.run;

import com.acme.shop.chaos.http.Http;
import com.acme.shop.chaos.system.Service;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * After a kill or a restart: a fault-free card saga, tried again and again, until one completes end to end (paid,
 * order CREATED, SALE entry booked, admin's timeline COMPLETED). The time from the break to that moment is the
 * recovery time the report shows. Probe sagas are logged and checked like every other.
 */
final class Probe {

    private final Shop shop;
    private final CustomerLog log;

    Probe(Shop shop, CustomerLog log) {
        this.shop = shop;
        this.log = log;
    }

    /** @return when the first saga completed, or null if none did within {@code limit} */
    Instant firstCompletedSaga(Instant since, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int n = 0;
        while (System.nanoTime() < deadline) {
            if (attempt("probe-" + since.toEpochMilli() + "-" + n++, Math.min(deadline, System.nanoTime() + 90_000_000_000L))) {
                return Instant.now();
            }
            Shop.sleep(500);
        }
        return null;
    }

    private boolean attempt(String customer, long deadline) {
        Http.Response checkout = shop.http.post(shop.payment() + "/api/v1/payments/checkout", Map.of("customerId",
                customer, "items", List.of(Map.of("productId", "STICKER-PACK", "quantity", 1))), Map.of());
        if (checkout.status() != 201) {
            return false;
        }
        JsonNode c = checkout.body();
        String orderId = c.get("orderId").asString();
        long amount = c.get("amount").asLong();
        String paymentKey = shop.payInWindow(c, "카드");
        if (paymentKey == null) {
            log.saga(orderId, "probe", null, amount, "NOT_CONFIRMED", 0, "payment window unavailable");
            return false;
        }
        Http.Response confirm = shop.http.post(shop.payment() + "/api/v1/payments/confirm",
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount),
                Map.of("X-Checkout-Token", c.get("checkoutToken").asString()));
        String told = Customers.told(confirm);
        log.saga(orderId, "probe", paymentKey, amount, told, confirm.status(), confirm.error());
        if (!told.equals("PAID") && !told.equals("PENDING")) {
            return false;
        }
        return until(deadline, () -> ok(shop.system.url(Service.ORDER) + "/api/v1/orders/" + orderId, "status", "CREATED"))
                && until(deadline, () -> ok(shop.system.url(Service.SETTLEMENT) + "/api/v1/settlements/payments/" + orderId,
                        null, null))
                && until(deadline, () -> ok(shop.system.url(Service.ADMIN) + "/api/v1/admin/sagas/" + orderId,
                        "status", "COMPLETED"));
    }

    private boolean ok(String url, String field, String value) {
        Http.Response r = shop.http.get(url, shop.asService);
        return r.status() == 200 && (field == null || value.equals(r.text(field)));
    }

    private static boolean until(long deadline, java.util.function.BooleanSupplier done) {
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Shop.sleep(250);
        }
        return false;
    }
}
