package com.acme.shop.payment;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Applies the PG's view of a payment to ours and writes down what follows: the events in the outbox, and a ledger
 * row for each cancel the PG made without us. The rules themselves are {@link Payment#apply}; this is the one door
 * the confirm, its recovery, the refund worker and webhooks all go through, in the caller's short transaction and
 * under the payment's row lock, so whoever applies a change first wins and the others find it applied.
 */
@Component
public class PaymentSync {

    private final PaymentCancels cancels;
    private final OutboxWriter outbox;
    private final Clock clock;

    PaymentSync(PaymentCancels cancels, OutboxWriter outbox, Clock clock) {
        this.cancels = cancels;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param locked the payment, loaded with {@link Payments#lockByOrderId} in the caller's transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment.Applied apply(Payment locked, PgPayment pg) {
        // only a view with cancels needs to know about our refunds (and the confirm path's views have none)
        boolean refundInFlight = !pg.cancels().isEmpty() && cancels.refundInFlight(locked.orderId());
        Payment.Applied applied = locked.apply(pg, refundInFlight, clock.instant());
        for (PaymentCanceled external : applied.externalCancels()) {
            cancels.save(PaymentCancel.madeElsewhere(locked.orderId(), external.cancelAmount(),
                    external.transactionKey(), external.cancelReason(), clock.instant()));
        }
        applied.events().forEach(event -> outbox.append(EventEnvelope.of(event, clock.instant())));
        return applied;
    }
}
