package com.acme.shop.settlement.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settlement.fees.*}: the PG's fee terms as contracted. Translated into a {@link FeePolicy} at start-up,
 * where invalid terms fail the start.
 *
 * @param refundFeeOnCancel whether a cancel gives back the proportional share of fee and VAT
 * @param vatPercent        VAT charged on the fee, percent (10 in Korea)
 * @param methods           per-method overrides of {@link FeePolicy#DEFAULT_TERMS}, keyed card, easy-pay,
 *                          transfer, mobile-phone, virtual-account
 * @param easyPayProviders  terms of single easy-pay providers ({@code provider} as Toss reports it, e.g. 토스페이);
 *                          what is not set comes from the easy-pay terms
 * @param changes           effective-dated changes: {@code from} (a Korean sales date) and the methods and
 *                          providers whose terms change from that day on
 */
@ConfigurationProperties("settlement.fees")
record SettlementFeeProperties(@DefaultValue("true") boolean refundFeeOnCancel,
                               @DefaultValue("10") BigDecimal vatPercent,
                               Map<PaymentMethod, MethodFee> methods,
                               List<ProviderFee> easyPayProviders,
                               List<Change> changes) {

    SettlementFeeProperties {
        methods = methods == null ? Map.of() : Map.copyOf(methods);
        easyPayProviders = easyPayProviders == null ? List.of() : List.copyOf(easyPayProviders);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * @param ratePercent        e.g. 3.4 for 3.4 % of the amount
     * @param fixedFee           won per payment (virtual accounts); set either this or the rate
     * @param payoutBusinessDays D+N business days after the sales date; defaults to the method's default
     */
    record MethodFee(BigDecimal ratePercent, Long fixedFee, Integer payoutBusinessDays) {

        TermsPatch patch() {
            return new TermsPatch(ratePercent, fixedFee, payoutBusinessDays);
        }
    }

    record ProviderFee(String provider, BigDecimal ratePercent, Long fixedFee, Integer payoutBusinessDays) {

        TermsPatch patch() {
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("settlement.fees easy-pay provider without a name");
            }
            return new TermsPatch(ratePercent, fixedFee, payoutBusinessDays);
        }
    }

    record Change(LocalDate from, Map<PaymentMethod, MethodFee> methods, List<ProviderFee> easyPayProviders) {
    }

    Map<PaymentMethod, MethodTerms> overrides() {
        Map<PaymentMethod, MethodTerms> overrides = new EnumMap<>(PaymentMethod.class);
        methods.forEach((method, fee) -> overrides.put(method, fee.patch().applyTo(FeePolicy.DEFAULT_TERMS.get(method))));
        return overrides;
    }

    Map<String, MethodTerms> providerTerms() {
        MethodTerms easyPay = overrides().getOrDefault(PaymentMethod.EASY_PAY,
                FeePolicy.DEFAULT_TERMS.get(PaymentMethod.EASY_PAY));
        Map<String, MethodTerms> terms = new HashMap<>();
        easyPayProviders.forEach(p -> terms.put(p.provider(), p.patch().applyTo(easyPay)));
        return terms;
    }

    List<TariffChange> tariffChanges() {
        return changes.stream().map(change -> {
            if (change.from() == null) {
                throw new IllegalArgumentException("settlement.fees.changes: every change needs a from date");
            }
            Map<PaymentMethod, TermsPatch> methodPatches = new EnumMap<>(PaymentMethod.class);
            if (change.methods() != null) {
                change.methods().forEach((method, fee) -> methodPatches.put(method, fee.patch()));
            }
            Map<String, TermsPatch> providerPatches = new HashMap<>();
            if (change.easyPayProviders() != null) {
                change.easyPayProviders().forEach(p -> providerPatches.put(p.provider(), p.patch()));
            }
            return new TariffChange(change.from(), methodPatches, providerPatches);
        }).toList();
    }

    FeePolicy toPolicy(BusinessCalendar calendar) {
        return new FeePolicy(overrides(), providerTerms(), tariffChanges(), vatPercent, refundFeeOnCancel, calendar);
    }
}
