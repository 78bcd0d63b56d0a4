package com.acme.shop.payment.refund;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.Optional;

/**
 * Refunds we owe. The compensating refund: when order-service cannot create the order, the whole remaining balance
 * is refunded at the PG. A refund is a {@link PaymentCancel} row with its own lifecycle, worked on by
 * {@link RefundJob} until the PG confirms it or automatic handling gives up (then parked for a person).
 */
@Service
class RefundService {

    static final String CONSUMER = "payment-service";
    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentCancels cancels;
    private final Payments payments;
    private final Inbox inbox;
    private final RefundJob job;
    private final Clock clock;

    RefundService(PaymentCancels cancels, Payments payments, Inbox inbox, RefundJob job, Clock clock) {
        this.cancels = cancels;
        this.payments = payments;
        this.inbox = inbox;
        this.job = job;
        this.clock = clock;
    }

    /** ORDER_CREATION_FAILED: records the refund we owe (once per order), then works on it after commit. */
    @Transactional
    public void onOrderCreationFailed(EventEnvelope<?> event, OrderCreationFailed failed) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        String requestId = "comp-" + failed.orderId();
        if (cancels.findByRequestId(requestId).isPresent()) {
            return;
        }
        Optional<Payment> payment = payments.findByOrderId(failed.orderId());
        if (payment.isEmpty() || !payment.get().canBeCanceled()) {
            log.error("ORDER_CREATION_FAILED for {} but payment is {}; nothing to refund automatically",
                    failed.orderId(), payment.map(p -> p.status().name()).orElse("unknown"));
            return;
        }
        PaymentCancel cancel = cancels.save(PaymentCancel.request(requestId, failed.orderId(),
                CancelCause.ORDER_CREATION_FAILED, null, compensationReason(failed), clock.instant()));
        submitAfterCommit(cancel.id());
    }

    private void submitAfterCommit(Long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                job.submit(id);
            }
        });
    }

    static String compensationReason(OrderCreationFailed failed) {
        String cause = switch (failed.reasonCode()) {
            case OUT_OF_STOCK -> "재고 부족";
            case PRODUCT_NOT_SELLABLE -> "판매 중지 상품";
            case TECHNICAL -> "주문 시스템 오류";
        };
        return "주문 생성 실패(" + cause + ")로 인한 자동 환불";
    }
}
