package com.acme.shop.settlement.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code settlement.fees.*}: the PG's fee terms as contracted. Translated into a {@link FeePolicy} at start-up,
 * where invalid terms fail the start.
 *
 * @param refundFeeOnCancel whether a cancel gives back the proportional share of fee and VAT
 * @param vatPercent        VAT charged on the fee, percent (10 in Korea)
 * @param methods           per-method overrides of {@link FeePolicy#DEFAULT_TERMS}, keyed card, easy-pay,
 *                          transfer, mobile-phone, virtual-account
 */
@ConfigurationProperties("settlement.fees")
record SettlementFeeProperties(@DefaultValue("true") boolean refundFeeOnCancel,
                               @DefaultValue("10") BigDecimal vatPercent,
                               Map<PaymentMethod, MethodFee> methods) {

    SettlementFeeProperties {
        methods = methods == null ? Map.of() : Map.copyOf(methods);
    }

    /**
     * @param ratePercent        e.g. 3.4 for 3.4 % of the amount
     * @param fixedFee           won per payment (virtual accounts); set either this or the rate
     * @param payoutBusinessDays D+N business days after the sales date; defaults to the method's default
     */
    record MethodFee(BigDecimal ratePercent, Long fixedFee, Integer payoutBusinessDays) {
    }

    Map<PaymentMethod, MethodTerms> overrides() {
        Map<PaymentMethod, MethodTerms> overrides = new EnumMap<>(PaymentMethod.class);
        methods.forEach((method, fee) -> {
            MethodTerms defaults = FeePolicy.DEFAULT_TERMS.get(method);
            boolean priceGiven = fee.ratePercent() != null || fee.fixedFee() != null;
            overrides.put(method, new MethodTerms(
                    priceGiven ? fee.ratePercent() : defaults.ratePercent(),
                    priceGiven ? fee.fixedFee() : defaults.fixedFee(),
                    fee.payoutBusinessDays() != null ? fee.payoutBusinessDays() : defaults.payoutBusinessDays()));
        });
        return overrides;
    }
}
