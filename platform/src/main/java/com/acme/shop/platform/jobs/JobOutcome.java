package com.acme.shop.platform.jobs;

/**
 * What one attempt came to. The runner turns a {@link RetryLater} into a park once the attempt budget is
 * spent, so a handler never counts attempts itself.
 */
public sealed interface JobOutcome {

    /** The job is finished; the handler has already recorded its end state. */
    record Done() implements JobOutcome {
    }

    /** Not now (the PG could not be read, a transient refusal...): try again after the back-off. */
    record RetryLater(String reason) implements JobOutcome {
    }

    /**
     * Not this job's turn (another job it must follow is still running): due again after the initial back-off, and
     * the attempt is given back, so waiting never spends the budget and never parks.
     */
    record Wait(String reason) implements JobOutcome {
    }

    /** Automatic handling cannot finish this job: a person decides, with the reason in front of them. */
    record Park(String reason) implements JobOutcome {
    }

    static JobOutcome done() {
        return new Done();
    }

    static JobOutcome retryLater(String reason) {
        return new RetryLater(reason);
    }

    static JobOutcome waitTurn(String reason) {
        return new Wait(reason);
    }

    static JobOutcome park(String reason) {
        return new Park(reason);
    }
}
