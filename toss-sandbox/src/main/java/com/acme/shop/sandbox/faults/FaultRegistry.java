package com.acme.shop.sandbox.faults;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.shop.sandbox.api.ApiEndpoint;

import org.springframework.stereotype.Component;

/** Active faults, oldest first. A call gets at most one fault: the oldest that matches and has applications left. */
@Component
class FaultRegistry {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    private final AtomicLong ids = new AtomicLong();

    String nextId() {
        return "fault-" + ids.incrementAndGet();
    }

    void add(Fault fault) {
        faults.add(fault);
    }

    Optional<Fault> take(ApiEndpoint endpoint, String orderId) {
        for (Fault fault : faults) {
            if (fault.matches(endpoint, orderId) && fault.tryApply()) {
                if (fault.isUsedUp()) {
                    faults.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    List<Fault> list() {
        return List.copyOf(faults);
    }

    boolean remove(String id) {
        return faults.removeIf(fault -> fault.id().equals(id));
    }

    void clear() {
        faults.clear();
    }

}
