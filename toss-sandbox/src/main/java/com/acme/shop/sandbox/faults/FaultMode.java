package com.acme.shop.sandbox.faults;

/** What happens to the connection of a faulted call. */
enum FaultMode {

    /** The call is answered (possibly late, possibly with an injected error). */
    NONE,
    /**
     * Toss processes the call (and, with an Idempotency-Key, stores the answer) but the answer never arrives: the
     * connection is held, so the client times out, and then closed. The nastiest case for a payment client: the
     * customer was charged and the merchant does not know.
     */
    APPROVE_THEN_DROP,
    /** The connection is closed without an answer and nothing is processed. */
    CONNECTION_RESET

}
