package com.acme.shop.admin.deadletter;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
    /** Received from a dead-letter topic; nobody replayed it yet. */
    NEW,
    /** An operator published it back to its original topic. Final: a dead letter is replayed at most once. */
    REPLAYED
}
