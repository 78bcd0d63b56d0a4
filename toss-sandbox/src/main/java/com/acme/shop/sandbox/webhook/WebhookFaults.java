package com.acme.shop.sandbox.webhook;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

import org.springframework.stereotype.Component;

/**
 * The one active delivery fault ({@code POST /sandbox/webhooks/faults} replaces it). Each new delivery that matches
 * takes one application; with {@code times} set the fault disappears when they are used up.
 */
@Component
class WebhookFaults {

    private final AtomicReference<Active> active = new AtomicReference<>();

    Active set(Spec spec) {
        spec.validate();
        Active fault = new Active(spec, spec.times() == null ? -1 : spec.times());
        active.set(fault);
        return fault;
    }

    Optional<Active> current() {
        return Optional.ofNullable(active.get());
    }

    void clear() {
        active.set(null);
    }

    /** The fault for a new delivery of {@code orderId}, if one applies; counts the application. */
    Optional<Spec> take(String orderId) {
        while (true) {
            Active fault = active.get();
            if (fault == null || !fault.spec().matches(orderId)) {
                return Optional.empty();
            }
            Active next = fault.remaining() < 0 ? fault : new Active(fault.spec(), fault.remaining() - 1);
            if (active.compareAndSet(fault, next.remaining() == 0 ? null : next)) {
                return Optional.of(fault.spec());
            }
        }
    }

    /**
     * @param duplicate extra copies of every transmission, sent concurrently with the same headers
     * @param delayMs hold before the first attempt; with {@code reorder}, the longest a delivery is held
     * @param reorder hold a payment's delivery until the next one for the same payment arrives, then send newest first
     * @param times how many deliveries the fault applies to (default: until removed)
     * @param orderId only deliveries for this order (default: all)
     */
    record Spec(Integer duplicate, Long delayMs, Boolean reorder, Integer times, String orderId) {

        static final long DEFAULT_REORDER_HOLD_MS = 5000;

        void validate() {
            if (duplicate != null && (duplicate < 0 || duplicate > 20)) {
                throw invalid("duplicate는 0 이상 20 이하여야 합니다.");
            }
            if (delayMs != null && (delayMs < 0 || delayMs > 600_000)) {
                throw invalid("delayMs는 0 이상 600000 이하여야 합니다.");
            }
            if (times != null && times < 1) {
                throw invalid("times는 1 이상이어야 합니다.");
            }
        }

        boolean matches(String order) {
            return orderId == null || orderId.equals(order);
        }

        int copies() {
            return duplicate == null ? 0 : duplicate;
        }

        long delay() {
            return delayMs == null ? 0 : delayMs;
        }

        boolean reorders() {
            return Boolean.TRUE.equals(reorder);
        }

        long holdMs() {
            return delayMs == null ? DEFAULT_REORDER_HOLD_MS : delayMs;
        }

        private static TossException invalid(String message) {
            return new TossException(TossErrorCode.INVALID_REQUEST, message);
        }

    }

    /** {@code remaining} is -1 for "until removed". */
    record Active(Spec spec, int remaining) {
    }

}
