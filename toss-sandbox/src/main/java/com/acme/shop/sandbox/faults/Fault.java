package com.acme.shop.sandbox.faults;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.sandbox.api.ApiEndpoint;
import com.acme.shop.sandbox.error.TossErrorCode;

/**
 * A misbehaviour injected by a test: for matching calls, add latency, answer a Toss error, or break the connection.
 * {@code times} limits how many calls it applies to (null = every call until removed).
 */
final class Fault {

    private final String id;

    private final FaultTarget endpoint;

    private final String orderId;

    private final Duration latency;

    private final TossErrorCode errorCode;

    private final FaultMode mode;

    private final Duration dropHold;

    private final Integer times;

    private final AtomicInteger remaining;

    Fault(String id, FaultTarget endpoint, String orderId, Duration latency, TossErrorCode errorCode, FaultMode mode,
            Duration dropHold, Integer times) {
        this.id = id;
        this.endpoint = endpoint;
        this.orderId = orderId;
        this.latency = latency;
        this.errorCode = errorCode;
        this.mode = mode;
        this.dropHold = dropHold;
        this.times = times;
        this.remaining = new AtomicInteger(times == null ? Integer.MAX_VALUE : times);
    }

    boolean matches(ApiEndpoint call, String callOrderId) {
        return endpoint.matches(call) && (orderId == null || orderId.equals(callOrderId));
    }

    /** Uses up one application; false when none is left (another thread may have taken the last one). */
    boolean tryApply() {
        if (times == null) {
            return true;
        }
        return remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    boolean isUsedUp() {
        return times != null && remaining.get() == 0;
    }

    String id() {
        return id;
    }

    FaultTarget endpoint() {
        return endpoint;
    }

    String orderId() {
        return orderId;
    }

    Duration latency() {
        return latency;
    }

    TossErrorCode errorCode() {
        return errorCode;
    }

    FaultMode mode() {
        return mode;
    }

    Duration dropHold() {
        return dropHold;
    }

    Integer times() {
        return times;
    }

    Integer remaining() {
        return times == null ? null : remaining.get();
    }

    /** How the call log names what happened to the call. */
    String describe() {
        if (mode != FaultMode.NONE) {
            return mode.name();
        }
        return errorCode != null ? "ERROR_CODE:" + errorCode.name() : "LATENCY";
    }

}
