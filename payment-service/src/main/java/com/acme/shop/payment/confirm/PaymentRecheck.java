package com.acme.shop.payment.confirm;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentSync;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.gateway.PaymentGateway;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgResult;
import com.acme.shop.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * "Re-check with Toss now", for an operator: reads the payment from the PG at once and applies what the PG says
 * through the same door as every other report of it ({@link PaymentSync}), so an approval found now runs the saga
 * (PAYMENT_APPROVED exactly once) and a payment is closed only as the PG's state says. Nothing is sent to the PG but a
 * read, except that a confirm whose outcome is unknown and which the PG still awaits is handed to recovery at once,
 * which confirms again inside the PG's window as it always would.
 *
 * <ul>
 *   <li>the PG has decided: applied (approve, abort, expire, cancels made at the PG);</li>
 *   <li>the PG still awaits a confirm: recovery runs now for an unknown outcome; a payment in review stays there
 *       ({@code PG_UNDECIDED}) until the PG decides;</li>
 *   <li>the PG has no payment for the order: a payment in review is closed as ABORTED (nothing was charged);
 *       anything else is left alone (a confirm may be on its way);</li>
 *   <li>the PG cannot be read: nothing changes ({@code PG_UNAVAILABLE}).</li>
 * </ul>
 */
@Component
public class PaymentRecheck {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecheck.class);

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentSync sync;
    private final UnknownOutcomeRecovery recovery;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaymentRecheck(Payments payments, PaymentGateway gateway, PaymentSync sync, UnknownOutcomeRecovery recovery,
                   TransactionTemplate tx, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.sync = sync;
        this.recovery = recovery;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the re-check found and did. */
    public record Result(PaymentView payment, boolean changed, String outcome) {
    }

    public Result recheck(String orderId, String operator) {
        Payment before = payments.findByOrderId(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
        PgResult<Optional<PgPayment>> read = gateway.findByOrderId(orderId);
        if (!(read instanceof PgResult.Success<Optional<PgPayment>> success)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PG_UNAVAILABLE",
                    "Toss could not be read, nothing was changed: " + read);
        }
        Result result;
        if (success.value().isEmpty()) {
            result = unknownAtPg(orderId, before.status(), operator);
        } else if (success.value().get().status().awaitsConfirm()) {
            result = undecidedAtPg(orderId, before.status(), success.value().get(), operator);
        } else {
            PgPayment pg = success.value().get();
            result = tx.execute(s -> {
                Payment locked = payments.lockByOrderId(orderId).orElseThrow();
                Payment.Applied applied = sync.apply(locked, pg);
                return new Result(PaymentView.of(locked), applied.changed(), applied.summary());
            });
        }
        log.info("Re-check of {} asked by {}: {}", orderId, operator, result.outcome());
        return result;
    }

    private Result unknownAtPg(String orderId, PaymentStatus seen, String operator) {
        if (seen != PaymentStatus.MANUAL_REVIEW) {
            Payment now = payments.findByOrderId(orderId).orElseThrow();
            return new Result(PaymentView.of(now), false, "Toss has no payment for this order; nothing changed");
        }
        return tx.execute(s -> {
            Payment locked = payments.lockByOrderId(orderId).orElseThrow();
            if (locked.status() != PaymentStatus.MANUAL_REVIEW) {
                return new Result(PaymentView.of(locked), false, "settled meanwhile as " + locked.status());
            }
            locked.abort("NOT_FOUND_AT_PG", "토스에 결제가 없어 종료 (확인: " + operator + ")", clock.instant());
            return new Result(PaymentView.of(locked), true, "MANUAL_REVIEW -> ABORTED: Toss has no payment for this "
                    + "order, so nothing was charged");
        });
    }

    private Result undecidedAtPg(String orderId, PaymentStatus seen, PgPayment pg, String operator) {
        if (seen.awaitsConfirmAnswer()) {
            recovery.dueNow(orderId, "re-check asked by " + operator);
            Payment now = payments.findByOrderId(orderId).orElseThrow();
            return new Result(PaymentView.of(now), false, "Toss still awaits the confirm (" + pg.status()
                    + "); recovery is confirming again now");
        }
        throw new ApiException(HttpStatus.CONFLICT, "PG_UNDECIDED", "Toss has not decided this payment yet ("
                + pg.status() + "); it stays as it is until Toss approves or expires it",
                Map.of("pgStatus", pg.status().name()));
    }
}
