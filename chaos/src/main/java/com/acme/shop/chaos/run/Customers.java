package com.acme.shop.chaos.run;

import com.acme.shop.chaos.http.Http;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated customers and operators. Each saga draws a scenario and its Toss faults from the run's seeded random
 * source; every answer the customer got is written to the {@link CustomerLog}.
 *
 * <p>Scenarios: {@code card} (a T-shirt and stickers), {@code card+refund} (then an operator refunds part of it,
 * sometimes twice at once), {@code out-of-stock} (the limited hoodie, whose small stock the customers race for,
 * each taking 5-20 s in the payment window), {@code va-deposit} / {@code va-late} / {@code va-never} (a virtual
 * account paid at once, after a while, never), {@code fail-redirect} (the customer closes the payment window).
 *
 * <p>Toss faults per saga, through the sandbox's per-order faults: 10 % of confirms get a 500, 5 % are approved with
 * the answer lost (APPROVE_THEN_DROP), 5 % a 1.5-3 s latency spike; a fifth of the sagas that will refund get their
 * first two cancels answered 500.
 */
final class Customers {

    static final String LIMITED = "HOODIE-LTD";

    private final Shop shop;
    private final CustomerLog log;
    private final boolean faults;
    final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    Customers(Shop shop, CustomerLog log, boolean faults) {
        this.shop = shop;
        this.log = log;
        this.faults = faults;
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** One saga; {@code random} is this saga's own source (seeded from the run's seed and the saga's number). */
    void saga(int number, Random random) {
        double pick = random.nextDouble();
        String scenario = pick < 0.50 ? "card"
                : pick < 0.62 ? "card+refund"
                : pick < 0.74 ? "out-of-stock"
                : pick < 0.82 ? "va-deposit"
                : pick < 0.86 ? "va-late"
                : pick < 0.90 ? "va-never"
                : "fail-redirect";
        count("scenario " + scenario);
        boolean va = scenario.startsWith("va-");
        List<Map<String, Object>> items = switch (scenario) {
            case "out-of-stock" -> List.of(Map.of("productId", LIMITED, "quantity", 1));
            case "card+refund" -> List.of(Map.of("productId", "TSHIRT-BLK-M", "quantity", 2),
                    Map.of("productId", "STICKER-PACK", "quantity", 1));
            default -> List.of(Map.of("productId", va ? "ECOBAG-NAT" : "TSHIRT-BLK-M", "quantity", 1),
                    Map.of("productId", "STICKER-PACK", "quantity", 1 + random.nextInt(3)));
        };
        String customer = "chaos-" + number;
        Http.Response checkout = shop.checkout(customer, items, va);
        if (checkout == null || checkout.status() != 201) {
            count("checkout refused " + (checkout == null ? "none" : checkout.status()));
            return;
        }
        JsonNode c = checkout.body();
        String orderId = c.get("orderId").asString();
        long amount = c.get("amount").asLong();
        String token = c.get("checkoutToken").asString();
        if (scenario.equals("out-of-stock")) {
            // the race: a checkout only checks the stock, the order takes it. A customer who hesitates in the payment
            // window may find the last hoodie gone when the order is created: the order fails and the payment is
            // refunded (the compensation). Without the pause, once order-service kept up, nearly every racer who
            // lost was already turned away at checkout, and the run saw almost no compensation.
            Shop.sleep(5000 + random.nextInt(15_000));
        }
        String paymentKey = shop.payInWindow(c, va ? "가상계좌" : "카드");
        if (paymentKey == null) {
            log.saga(orderId, scenario, null, amount, "NOT_CONFIRMED", 0, "payment window unavailable");
            count("window unavailable");
            return;
        }
        if (scenario.equals("fail-redirect")) {
            Http.Response r = shop.failRedirect(orderId, token);
            log.saga(orderId, scenario, paymentKey, amount, "FAILED", r.status(), "fail redirect");
            return;
        }
        if (faults && !va) {
            double f = random.nextDouble();
            if (f < 0.10) {
                shop.fault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "errorCode",
                        "FAILED_INTERNAL_SYSTEM_PROCESSING", "times", 1));
                count("fault confirm 500");
            }
            else if (f < 0.15) {
                shop.fault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "mode", "APPROVE_THEN_DROP", "times", 1));
                count("fault confirm approve-then-lost-answer");
            }
            else if (f < 0.20) {
                shop.fault(Map.of("endpoint", "CONFIRM", "orderId", orderId, "latencyMs", 1500 + random.nextInt(1500),
                        "times", 1));
                count("fault confirm latency spike");
            }
            if ((scenario.equals("out-of-stock") || scenario.equals("card+refund")) && random.nextDouble() < 0.2) {
                shop.fault(Map.of("endpoint", "CANCEL", "orderId", orderId, "errorCode", "FAILED_REFUND_PROCESS",
                        "times", 2));
                count("fault cancel 500 x2");
            }
        }
        Http.Response confirm = shop.confirm(paymentKey, orderId, amount, token);
        String told = told(confirm);
        count("told " + told + (confirm.status() >= 500 ? " (" + confirm.status() + ")" : ""));
        log.saga(orderId, scenario, paymentKey, amount, told, confirm.status(),
                confirm.status() == -1 ? confirm.error() : confirm.text("status") != null ? confirm.text("status")
                        : confirm.text("code"));
        switch (scenario) {
            case "va-deposit" -> {
                if (told.equals("WAITING_FOR_DEPOSIT")) {
                    deposit(paymentKey);
                }
            }
            case "va-late" -> {
                if (told.equals("WAITING_FOR_DEPOSIT")) {
                    Shop.sleep(3000 + random.nextInt(7000));
                    deposit(paymentKey);
                }
            }
            case "card+refund" -> refunds(orderId, amount, random);
            default -> { }
        }
    }

    private void deposit(String paymentKey) {
        Http.Response r = shop.deposit(paymentKey);
        count(r.ok() ? "deposit made" : "deposit refused " + r.status());
    }

    /** An operator refunds a third of the payment once it is paid; a third of the time two operators at once. */
    private void refunds(String orderId, long amount, Random random) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Response p = shop.paymentView(orderId);
            if (p.ok() && "DONE".equals(p.text("status"))) {
                break;
            }
            if (p.ok() && List.of("ABORTED", "EXPIRED", "CANCELED").contains(p.text("status"))) {
                return;
            }
            Shop.sleep(500);
        }
        long part = Math.max(1000, amount / 3 / 100 * 100);
        boolean twice = random.nextDouble() < 0.33;
        Runnable one = () -> {
            String requestId = UUID.randomUUID().toString();
            Http.Response r = shop.operatorRefund(orderId, requestId, part);
            if (r.status() == -1 || r.status() >= 500) {
                Shop.sleep(2000);
                r = shop.operatorRefund(orderId, requestId, part); // same request id: the same refund
            }
            log.refund(orderId, part, r.status(), r.status() == -1 ? r.error() : r.text("status"));
            count("refund answered " + r.status());
        };
        if (twice) {
            Thread other = Thread.ofVirtual().start(one);
            one.run();
            try {
                other.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        else {
            one.run();
        }
    }

    static String told(Http.Response confirm) {
        int s = confirm.status();
        if (s == 200) {
            return "WAITING_FOR_DEPOSIT".equals(confirm.text("status")) ? "WAITING_FOR_DEPOSIT"
                    : "DONE".equals(confirm.text("status")) ? "PAID" : "PENDING";
        }
        if (s >= 400 && s < 500) {
            return "FAILED";
        }
        return "PENDING"; // 202, 5xx, no answer: the shop is still finding out
    }
}
