package com.acme.shop.payment.payment;

import com.acme.shop.payment.catalog.Catalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Records a checkout priced by the catalog: the browser gets an orderId and the amount to pay. */
@Service
public class CheckoutService {

    private final Catalog catalog;
    private final Payments payments;
    private final Clock clock;
    private final Duration validity;

    CheckoutService(Catalog catalog, Payments payments, Clock clock,
                    @Value("${payment.checkout-validity:30m}") Duration validity) {
        this.catalog = catalog;
        this.payments = payments;
        this.clock = clock;
        this.validity = validity;
    }

    /** The catalog call happens before the save (its own short transaction), never inside one. */
    public Payment checkout(String customerId, List<Catalog.Requested> items, RefundAccount refundAccount) {
        Catalog.Quote quote = catalog.quote(items);
        Payment payment = Payment.checkout(OrderIds.next(), customerId, quote.orderName(), quote.items(),
                clock.instant(), validity);
        if (refundAccount != null) {
            payment.useRefundAccount(refundAccount);
        }
        return payments.save(payment);
    }
}
