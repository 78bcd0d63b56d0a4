package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventCodec;

/**
 * The event is well-formed but its numbers contradict each other (a cancel larger than what was left). Retrying
 * cannot help, so it is an {@link EventCodec.InvalidEventException}: the error handler dead-letters it at once.
 */
class InconsistentEventException extends EventCodec.InvalidEventException {

    InconsistentEventException(String message) {
        super(message);
    }
}
