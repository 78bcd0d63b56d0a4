package com.acme.shop.settlement.ledger;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.settlement.policy.Charge;
import com.acme.shop.settlement.policy.FeePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

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

    SettlementLedger(SettlementEntries entries, FeePolicy policy, Inbox inbox, Clock clock) {
        this.entries = entries;
        this.policy = policy;
        this.inbox = inbox;
        this.clock = clock;
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
        Charge charge = policy.saleCharge(approved.method(), approved.totalAmount());
        LocalDate salesDate = policy.salesDate(approved.approvedAt());
        SettlementEntry entry = SettlementEntry.sale(
                new SettlementEntry.Transaction(approved.orderId(), approved.paymentKey(), approved.transactionKey(),
                        approved.method(), event.eventId(), approved.approvedAt()),
                approved.totalAmount(), charge, salesDate, policy.payoutDate(approved.method(), salesDate),
                clock.instant());
        entries.save(entry);
        log.info("Booked SALE {} won for order {} (fee {}, vat {}, payout {})", entry.amount(), entry.orderId(),
                entry.fee(), entry.vat(), entry.payoutDate());
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
        Charge charge = policy.cancelCharge(originalCharge(canceled), canceled.totalAmount(),
                canceled.cancelAmount(), canceled.balanceAmount());
        LocalDate salesDate = policy.salesDate(canceled.canceledAt());
        SettlementEntry entry = SettlementEntry.cancel(
                new SettlementEntry.Transaction(canceled.orderId(), canceled.paymentKey(), canceled.transactionKey(),
                        canceled.method(), event.eventId(), canceled.canceledAt()),
                canceled.cancelAmount(), charge, salesDate, policy.payoutDate(canceled.method(), salesDate),
                clock.instant());
        entries.save(entry);
        log.info("Booked CANCEL {} won for order {} (fee {}, vat {}, balance left {})", entry.amount(),
                entry.orderId(), entry.fee(), entry.vat(), canceled.balanceAmount());
    }

    /**
     * What the approval was charged: the booked SALE entry when it is in, else what the policy charges for the
     * total (a cancel replayed ahead of its sale). Both give the same numbers while the fee terms are unchanged.
     */
    private Charge originalCharge(PaymentCanceled canceled) {
        return entries.findFirstByPaymentKeyAndTypeOrderByIdAsc(canceled.paymentKey(), EntryType.SALE)
                .filter(sale -> {
                    if (sale.amount() != canceled.totalAmount()) {
                        log.warn("Order {}: sale booked {} won but the cancel says the total was {}; using the cancel's",
                                canceled.orderId(), sale.amount(), canceled.totalAmount());
                        return false;
                    }
                    return true;
                })
                .map(SettlementEntry::charge)
                .orElseGet(() -> policy.saleCharge(canceled.method(), canceled.totalAmount()));
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
