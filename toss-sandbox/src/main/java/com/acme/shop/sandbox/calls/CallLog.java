package com.acme.shop.sandbox.calls;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.acme.shop.sandbox.SandboxProperties;

import org.springframework.stereotype.Component;

/** The last {@code callLogCapacity} calls, oldest first. */
@Component
class CallLog {

    private final Deque<CallRecord> calls = new ArrayDeque<>();

    private final int capacity;

    CallLog(SandboxProperties properties) {
        this.capacity = Math.max(1, properties.callLogCapacity());
    }

    synchronized void record(CallRecord call) {
        if (calls.size() == capacity) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** Null filters match everything; {@code path} matches any call whose path contains it. */
    synchronized List<CallRecord> find(String orderId, String paymentKey, String path) {
        return calls.stream().filter(call -> call.matches(orderId, paymentKey, path)).toList();
    }

    synchronized void clear() {
        calls.clear();
    }

}
