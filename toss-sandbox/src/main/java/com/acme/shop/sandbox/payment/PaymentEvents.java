package com.acme.shop.sandbox.payment;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Announces status changes to the rest of the sandbox (the webhook sender). */
@Component
class PaymentEvents {

    private final ApplicationEventPublisher publisher;

    private final Clock clock;

    PaymentEvents(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void changed(PaymentSnapshot payment) {
        publisher.publishEvent(new PaymentStatusChanged(payment.paymentKey(), payment.orderId(),
                payment.status().name(), payment.virtualAccount() != null, payment.secret(),
                payment.lastTransactionKey(), clock.instant(), PaymentView.of(payment)));
    }

}
