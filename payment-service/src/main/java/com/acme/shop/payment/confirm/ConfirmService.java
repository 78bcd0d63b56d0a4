package com.acme.shop.payment.confirm;

import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.SecurityEvents;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.platform.observability.OrderLogContext;
import com.acme.shop.platform.jobs.JobSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Confirms a payment at the PG in three steps, with no DB transaction or pooled connection held while the PG is
 * called (docs/saga.md, "Confirm"):
 * <ol>
 *   <li>short transaction: claim the payment (READY -> IN_PROGRESS), bind orderId to paymentKey in
 *       {@code payment_order_mapping} and record the attempt's Idempotency-Key. A second confirm of the same order
 *       finds the claim and never reaches the PG;</li>
 *   <li>the PG call with safe retries ({@link ConfirmAttempts}), outside any transaction;</li>
 *   <li>short transaction: record the outcome ({@link ConfirmOutcomes}) and, on approval, PAYMENT_APPROVED in the
 *       outbox; its result is the confirm's answer.</li>
 * </ol>
 */
@Service
class ConfirmService {

    private static final Logger log = LoggerFactory.getLogger(ConfirmService.class);

    /** PG paymentKeys are up to 200 chars; observed shapes are alphanumeric (with _ and -). */
    static final Pattern PAYMENT_KEY = Pattern.compile("^[A-Za-z0-9_-]{10,200}$");

    private final Payments payments;
    private final ConfirmClaims claims;
    private final PaymentOrderMappings mappings;
    private final PgRequests pgRequests;
    private final ConfirmAttempts attempts;
    private final ConfirmOutcomes outcomes;
    private final SecurityEvents securityEvents;
    private final TransactionTemplate tx;
    private final ConfirmProperties properties;
    private final JobSettings recovery;
    private final Clock clock;

    ConfirmService(Payments payments, ConfirmClaims claims, PaymentOrderMappings mappings, PgRequests pgRequests,
                   ConfirmAttempts attempts, ConfirmOutcomes outcomes, SecurityEvents securityEvents,
                   TransactionTemplate tx, ConfirmProperties properties, UnknownOutcomeRecovery recovery, Clock clock) {
        this.payments = payments;
        this.claims = claims;
        this.mappings = mappings;
        this.pgRequests = pgRequests;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.securityEvents = securityEvents;
        this.tx = tx;
        this.properties = properties;
        this.recovery = recovery.settings();
        this.clock = clock;
    }

    /** @param checkoutToken what the caller presented as the checkout's token (null: nothing) */
    ConfirmResult confirm(String paymentKey, String orderId, long amount, String checkoutToken, String remoteAddr) {
        requireWellFormed(paymentKey, orderId, remoteAddr);
        // every line about this confirm carries the orderId (when it is one: OrderLogContext checks its form)
        try (OrderLogContext.Scope ignored = OrderLogContext.of(orderId)) {
            return confirmWellFormed(paymentKey, orderId, amount, checkoutToken, remoteAddr);
        }
    }

    private ConfirmResult confirmWellFormed(String paymentKey, String orderId, long amount, String checkoutToken,
                                            String remoteAddr) {
        String tokenHash = CheckoutToken.hash(checkoutToken);
        Claim claim = tx.execute(status -> quickClaim(paymentKey, orderId, amount, tokenHash, status));
        if (claim == null) {
            precheck(paymentKey, orderId, amount, checkoutToken, remoteAddr);
            claim = tx.execute(status -> claim(paymentKey, orderId, amount, checkoutToken));
        }
        if (claim.idempotencyKey() == null) {
            return claim.earlier().get();
        }
        PgResult<PgPayment> answer = attempts.confirm(paymentKey, orderId, amount, claim.idempotencyKey());
        ConfirmResult result;
        try {
            // the first recovery check of an unknown outcome is one back-off step away
            Instant recheckAt = clock.instant().plus(recovery.initialBackoff());
            boolean freshKey = claim.freshKey();
            result = tx.execute(status -> outcomes.record(orderId, answer, recheckAt, freshKey));
        } catch (TransactionException | DataAccessException e) {
            // The PG has answered but we could not write it down (pool exhausted, DB gone). The claim stays
            // IN_PROGRESS and recovery settles it from the PG after stale-after; the caller polls.
            log.error("Confirm of {} answered by the PG ({}) but not recorded; recovery will settle it: {}", orderId,
                    answer.getClass().getSimpleName(), e.toString());
            return ConfirmResult.unrecorded(orderId, paymentKey, amount);
        }
        if (result instanceof ConfirmResult.UnknownPaymentKey) {
            securityEvents.record("CONFIRM_KEY_UNKNOWN_TO_PG", orderId, "the PG does not know paymentKey=" + paymentKey
                    + "; the checkout stays confirmable", remoteAddr);
        }
        // one line per confirm that reached the PG (the MDC adds orderId, traceId and spanId); no key, no card data
        log.info("Confirm of {} won: {}, payment {}", amount, result.getClass().getSimpleName(),
                result.payment().status());
        return result;
    }

    private void requireWellFormed(String paymentKey, String orderId, String remoteAddr) {
        if (!PAYMENT_KEY.matcher(paymentKey).matches()) {
            securityEvents.record("CONFIRM_MALFORMED_PAYMENT_KEY", orderId, "paymentKey length " + paymentKey.length(),
                    remoteAddr);
            throw ConfirmRefusedException.malformedPaymentKey();
        }
    }

    /**
     * The first confirm of a READY checkout with the right amount and token and a paymentKey bound to nothing yet, in
     * three statements without loading the payment ({@link ConfirmClaims}). The precheck's checks hold by
     * construction: the amount and the token are part of the claim's condition, and both bindings are the mapping's
     * unique keys. Anything else
     * returns null having changed nothing (a duplicate mapping rolls the claim back), and the confirm takes the full
     * path: precheck with its security trail, then {@link #claim} under the lock.
     */
    private Claim quickClaim(String paymentKey, String orderId, long amount, String tokenHash,
                             TransactionStatus status) {
        Instant now = clock.instant();
        if (!claims.claimIfReady(orderId, amount, tokenHash, paymentKey, now, now.plus(properties.staleAfter()))) {
            return null;
        }
        try {
            mappings.insert(orderId, paymentKey, now);
            // the order was bound in this transaction: attempt 1, unless an earlier confirm of it was sent under a key
            // the PG did not know (then the key exists and the full path takes the next attempt number)
            return new Claim(pgRequests.recordFirstAttempt(PgRequests.Kind.CONFIRM, orderId, orderId), null, true);
        } catch (DuplicateKeyException e) {
            status.setRollbackOnly();
            return null;
        }
    }

    /**
     * Checks the request against the checkout before any lock is taken or anything reaches the PG. A refusal here is
     * a security event (a tampered amount, a guessed orderId, a foreign paymentKey), recorded in its own
     * transaction, and changes nothing else.
     */
    private void precheck(String paymentKey, String orderId, long amount, String checkoutToken, String remoteAddr) {
        PaymentOrderMappings.Precheck checkout = mappings.precheck(orderId, paymentKey).orElseThrow(() -> {
            securityEvents.record("CONFIRM_UNKNOWN_ORDER", orderId, "paymentKey=" + paymentKey, remoteAddr);
            return new PaymentNotFoundException(orderId);
        });
        if (!CheckoutToken.opens(checkout.checkoutTokenHash(), checkoutToken)) {
            // knowing the orderId is not enough: answered as if there were no such checkout
            securityEvents.record("CONFIRM_WITHOUT_CHECKOUT_TOKEN", orderId, checkoutToken == null
                    ? "no checkout token presented" : "a checkout token that is not this checkout's", remoteAddr);
            throw new PaymentNotFoundException(orderId);
        }
        if (checkout.totalAmount() != amount) {
            securityEvents.record("CONFIRM_AMOUNT_MISMATCH", orderId,
                    "expected " + checkout.totalAmount() + " got " + amount, remoteAddr);
            throw ConfirmRefusedException.amountMismatch(checkout.totalAmount());
        }
        if (checkout.boundPaymentKey() != null && !checkout.boundPaymentKey().equals(paymentKey)) {
            securityEvents.record("CONFIRM_PAYMENT_KEY_MISMATCH", orderId, "paymentKey=" + paymentKey, remoteAddr);
            throw ConfirmRefusedException.paymentKeyMismatch();
        }
        if (checkout.keyOwner() != null && !checkout.keyOwner().equals(orderId)) {
            securityEvents.record("CONFIRM_PAYMENT_KEY_REUSED", orderId, "paymentKey=" + paymentKey, remoteAddr);
            throw ConfirmRefusedException.paymentKeyReused();
        }
    }

    private Claim claim(String paymentKey, String orderId, long amount, String checkoutToken) {
        Payment payment = payments.lockByOrderId(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
        if (!payment.openedBy(checkoutToken)) {
            throw new PaymentNotFoundException(orderId);
        }
        if (payment.totalAmount() != amount) {
            throw ConfirmRefusedException.amountMismatch(payment.totalAmount());
        }
        switch (payment.status()) {
            case DONE, PARTIAL_CANCELED, CANCELED, IN_PROGRESS, OUTCOME_UNKNOWN, MANUAL_REVIEW, WAITING_FOR_DEPOSIT -> {
                return Claim.answered(Outcome.of(ConfirmResult.of(payment)));
            }
            case READY -> {
                // continue below
            }
            default -> throw ConfirmRefusedException.notConfirmable(payment);
        }
        if (payment.isExpired(clock.instant())) {
            payment.expire(clock.instant());
            return Claim.answered(Outcome.refused(ConfirmRefusedException.expired(payment)));
        }
        boolean freshKey = true;
        try {
            mappings.insert(orderId, paymentKey, clock.instant());
        } catch (DuplicateKeyException e) {
            freshKey = false;
            // Already bound: to this order with this key (a confirm again after a 503 released the claim), or,
            // since the precheck, to something else. Decide under the payment's lock.
            Optional<String> boundKey = mappings.paymentKeyOf(orderId);
            if (boundKey.isEmpty()) {
                throw ConfirmRefusedException.paymentKeyReused();
            }
            if (!boundKey.get().equals(paymentKey)) {
                throw ConfirmRefusedException.paymentKeyMismatch();
            }
        }
        payment.claimForConfirm(paymentKey, clock.instant(), properties.staleAfter());
        String key = pgRequests.recordNextAttempt(PgRequests.Kind.CONFIRM, orderId, orderId);
        return new Claim(key, null, freshKey);
    }

    /**
     * Either the key to send the confirm under, or the answer already known without calling the PG.
     *
     * @param freshKey this claim bound the paymentKey to the order: no confirm with it was ever sent
     */
    private record Claim(String idempotencyKey, Outcome earlier, boolean freshKey) {
        static Claim answered(Outcome outcome) {
            return new Claim(null, outcome, false);
        }
    }

    /**
     * A result, or a refusal to throw only after the transaction committed (an expiry is a state change that must
     * stick even though the caller gets an error).
     */
    private record Outcome(ConfirmResult result, RuntimeException refusal) {
        static Outcome of(ConfirmResult result) {
            return new Outcome(result, null);
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }

        ConfirmResult get() {
            if (refusal != null) {
                throw refusal;
            }
            return result;
        }
    }
}
