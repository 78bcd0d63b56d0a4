package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.platform.observability.SagaCompletion;
import com.acme.shop.settlement.policy.Charge;
import com.acme.shop.settlement.policy.FeePolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Books payment events into the ledger, exactly once per event (inbox) and once per Toss transaction (unique
 * {@code (payment_key, transaction_key)}).
 */
@Service
class SettlementLedger {

    /** Inbox consumer name and Kafka consumer group. */
    static final String CONSUMER = "settlement-service";

    private static final Logger log = LoggerFactory.getLogger(SettlementLedger.class);

    private final SettlementEntries entries;
    private final FeePolicy policy;
    private final Inbox inbox;
    private final Clock clock;
    private final SagaCompletion completion;

    SettlementLedger(SettlementEntries entries, FeePolicy policy, Inbox inbox, Clock clock, MeterRegistry meters) {
        this.entries = entries;
        this.policy = policy;
        this.inbox = inbox;
        this.clock = clock;
        // saga_completion_seconds{step="settlement"}: Toss's approval to the SALE row of the ledger
        this.completion = new SagaCompletion(meters, clock, SagaCompletion.SETTLEMENT);
    }

    /** Applies one payment event; a redelivered event or an already booked transaction changes nothing. */
    @Transactional
    void record(EventEnvelope<?> event) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.debug("Event {} ({}) already processed", event.eventId(), event.eventType());
            return;
        }
        switch (event.payload()) {
            case PaymentApproved approved -> bookSale(event, approved);
            case PaymentCanceled canceled -> bookCancel(event, canceled);
            default -> log.debug("Ignoring {} for order {}", event.eventType(), event.orderId());
        }
    }

    private void bookSale(EventEnvelope<?> event, PaymentApproved approved) {
        if (alreadyBooked(approved.paymentKey(), approved.transactionKey(), event)) {
            return;
        }
        LocalDate salesDate = policy.salesDate(approved.approvedAt());
        Charge charge = policy.saleCharge(approved.method(), approved.easyPayProvider(), salesDate,
                approved.totalAmount());
        SettlementEntry entry = SettlementEntry.sale(
                new SettlementEntry.Transaction(approved.orderId(), approved.paymentKey(), approved.transactionKey(),
                        approved.method(), approved.easyPayProvider(), event.eventId(), approved.approvedAt()),
                approved.totalAmount(), charge, salesDate,
                policy.payoutDate(approved.method(), approved.easyPayProvider(), salesDate), clock.instant());
        entries.save(entry);
        log.info("Booked SALE {} won for order {} (fee {}, vat {}, payout {})", entry.amount(), entry.orderId(),
                entry.fee(), entry.vat(), entry.payoutDate());
        completion.completed(approved.approvedAt());
    }

    private void bookCancel(EventEnvelope<?> event, PaymentCanceled canceled) {
        if (canceled.balanceAmount() + canceled.cancelAmount() > canceled.totalAmount()) {
            throw new InconsistentEventException("cancel of " + canceled.cancelAmount() + " leaving "
                    + canceled.balanceAmount() + " exceeds the payment total " + canceled.totalAmount()
                    + " (order " + canceled.orderId() + ", event " + event.eventId() + ")");
        }
        if (alreadyBooked(canceled.paymentKey(), canceled.transactionKey(), event)) {
            return;
        }
        LocalDate salesDate = policy.salesDate(canceled.canceledAt());
        Optional<SettlementEntry> sale = bookedSale(canceled);
        String provider = sale.map(SettlementEntry::easyPayProvider).orElse(null);
        Charge original = sale.map(SettlementEntry::charge)
                .orElseGet(() -> policy.saleCharge(canceled.method(), null, salesDate, canceled.totalAmount()));
        Charge charge = policy.cancelCharge(original, canceled.totalAmount(), canceled.cancelAmount(),
                canceled.balanceAmount());
        SettlementEntry entry = SettlementEntry.cancel(
                new SettlementEntry.Transaction(canceled.orderId(), canceled.paymentKey(), canceled.transactionKey(),
                        canceled.method(), provider, event.eventId(), canceled.canceledAt()),
                canceled.cancelAmount(), charge, salesDate, policy.payoutDate(canceled.method(), provider, salesDate),
                clock.instant());
        entries.save(entry);
        log.info("Booked CANCEL {} won for order {} (fee {}, vat {}, balance left {})", entry.amount(),
                entry.orderId(), entry.fee(), entry.vat(), canceled.balanceAmount());
    }

    /**
     * The booked SALE of the payment, whose charge the cancel gives back a share of. Without it (a cancel replayed
     * ahead of its sale) the policy's charge for the total on the cancel's date is used: the same numbers unless the
     * fee terms changed between the sale and the cancel or the sale was an easy-pay provider with its own terms
     * (documented in docs/settlement.md; reconciliation reports the difference).
     */
    private Optional<SettlementEntry> bookedSale(PaymentCanceled canceled) {
        return entries.findFirstByPaymentKeyAndTypeOrderByIdAsc(canceled.paymentKey(), EntryType.SALE)
                .filter(sale -> {
                    if (sale.amount() != canceled.totalAmount()) {
                        log.warn("Order {}: sale booked {} won but the cancel says the total was {}; using the cancel's",
                                canceled.orderId(), sale.amount(), canceled.totalAmount());
                        return false;
                    }
                    return true;
                });
    }

    private boolean alreadyBooked(String paymentKey, String transactionKey, EventEnvelope<?> event) {
        if (entries.existsByPaymentKeyAndTransactionKey(paymentKey, transactionKey)) {
            log.info("Transaction {} of payment {} is already booked; event {} changes nothing", transactionKey,
                    paymentKey, event.eventId());
            return true;
        }
        return false;
    }
}
