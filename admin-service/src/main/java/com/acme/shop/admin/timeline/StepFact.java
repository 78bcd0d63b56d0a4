package com.acme.shop.admin.timeline;

import com.acme.shop.contracts.EventType;
import com.acme.shop.contracts.payment.CancelCause;

import java.util.Objects;

/**
 * What the saga status needs to know about one step.
 *
 * @param amount        KRW won of the whole payment as the event states it, null when the event has none
 * @param balanceAmount KRW won still held after a cancel; PAYMENT_CANCELED only
 * @param cancelCause   why a PAYMENT_CANCELED happened; PAYMENT_CANCELED only
 */
record StepFact(EventType type, Long amount, Long balanceAmount, CancelCause cancelCause) {

    StepFact {
        Objects.requireNonNull(type, "type");
        if (type == EventType.PAYMENT_CANCELED && (balanceAmount == null || cancelCause == null)) {
            throw new IllegalArgumentException("a cancel needs its balance and cause");
        }
    }

    boolean isCompensatingCancel() {
        return type == EventType.PAYMENT_CANCELED && cancelCause == CancelCause.ORDER_CREATION_FAILED;
    }
}
