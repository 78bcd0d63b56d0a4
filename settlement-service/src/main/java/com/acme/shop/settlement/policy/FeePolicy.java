package com.acme.shop.settlement.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PG fee terms and how they turn a Toss transaction into fee, VAT and payout date.
 *
 * <p>Won rounding rule (all arithmetic in {@link BigDecimal}, results stored as {@code long} won):
 * <ul>
 *   <li>sale fee = rate x amount, rounded half-up to the won (or the method's fixed fee);</li>
 *   <li>sale VAT = fee x VAT rate, rounded half-up to the won;</li>
 *   <li>a cancel gives back fee and VAT so that what stays charged after it is the original fee (and VAT) scaled by
 *       the remaining balance, rounded half-up: {@code outstanding(b) = round(original x b / total)}. The cancel's
 *       entry is {@code outstanding(after) - outstanding(before)}. The entries telescope, so after a full cancel
 *       (balance 0) the fees and VATs of all entries sum to exactly 0, whatever the split, the number of partial
 *       cancels or the order in which they are booked: the last cancel always takes the remainder.</li>
 * </ul>
 * A method Toss reports that has no terms (e.g. 문화상품권) is charged on the card terms and logged once.
 *
 * <p>Terms are effective-dated: the base terms (built-in defaults, then configuration) apply from the beginning of
 * time, and each {@link TariffChange} applies from its date on, on top of the terms before it. The terms of a
 * transaction are those in force on its sale's Korean sales date. 간편결제 can have terms per provider (토스페이,
 * 네이버페이, ...); a provider without its own terms gets the 간편결제 terms.
 */
public final class FeePolicy {

    private static final Logger log = LoggerFactory.getLogger(FeePolicy.class);

    /**
     * List prices used when configuration does not override a method. Unverified: Toss publishes no fee rates (see
     * docs/toss-api.md, section 9 (settlements lookup)).
     */
    static final Map<PaymentMethod, MethodTerms> DEFAULT_TERMS = Map.of(
            PaymentMethod.CARD, MethodTerms.rate("3.4", 3),
            PaymentMethod.EASY_PAY, MethodTerms.rate("3.4", 2),
            PaymentMethod.TRANSFER, MethodTerms.rate("2.0", 2),
            PaymentMethod.MOBILE_PHONE, MethodTerms.rate("3.5", 2),
            PaymentMethod.VIRTUAL_ACCOUNT, MethodTerms.fixed(300, 2));

    public static final BigDecimal DEFAULT_VAT_PERCENT = BigDecimal.TEN;

    /** The terms in force from each date on; the base terms are under {@link LocalDate#MIN}. */
    private final NavigableMap<LocalDate, Tariff> tariffs;
    private final BigDecimal vatPercent;
    private final boolean refundFeeOnCancel;
    private final BusinessCalendar calendar;
    private final Set<String> unknownMethodsLogged = ConcurrentHashMap.newKeySet();

    /**
     * @param overrides terms per method that replace the defaults; methods not named keep {@link #DEFAULT_TERMS}
     */
    FeePolicy(Map<PaymentMethod, MethodTerms> overrides, BigDecimal vatPercent, boolean refundFeeOnCancel,
              BusinessCalendar calendar) {
        this(overrides, Map.of(), List.of(), vatPercent, refundFeeOnCancel, calendar);
    }

    /**
     * @param overrides        base terms per method that replace the defaults
     * @param easyPayProviders base terms per easy-pay provider
     * @param changes          later terms, each from its date on (any order; two changes on one date are refused)
     */
    FeePolicy(Map<PaymentMethod, MethodTerms> overrides, Map<String, MethodTerms> easyPayProviders,
              List<TariffChange> changes, BigDecimal vatPercent, boolean refundFeeOnCancel,
              BusinessCalendar calendar) {
        Objects.requireNonNull(vatPercent, "vatPercent");
        if (vatPercent.signum() < 0 || vatPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("vat-percent must be within 0..100: " + vatPercent);
        }
        Map<PaymentMethod, MethodTerms> merged = new EnumMap<>(DEFAULT_TERMS);
        merged.putAll(overrides);
        Tariff current = new Tariff(merged, easyPayProviders);
        NavigableMap<LocalDate, Tariff> dated = new TreeMap<>();
        dated.put(LocalDate.MIN, current);
        for (TariffChange change : changes.stream().sorted(Comparator.comparing(TariffChange::from)).toList()) {
            if (dated.containsKey(change.from())) {
                throw new IllegalArgumentException("two fee changes from " + change.from());
            }
            current = current.with(change);
            dated.put(change.from(), current);
        }
        this.tariffs = dated;
        this.vatPercent = vatPercent;
        this.refundFeeOnCancel = refundFeeOnCancel;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public static FeePolicy defaults() {
        return new FeePolicy(Map.of(), DEFAULT_VAT_PERCENT, true, BusinessCalendar.weekendsOnly());
    }

    public boolean refundsFeeOnCancel() {
        return refundFeeOnCancel;
    }

    /** The base terms of a method (in force before any dated change). */
    MethodTerms termsFor(String tossMethod) {
        return termsFor(tossMethod, null, LocalDate.MIN);
    }

    /** The terms in force on {@code salesDate} for a method and, for 간편결제, its provider (nullable). */
    MethodTerms termsFor(String tossMethod, String easyPayProvider, LocalDate salesDate) {
        Tariff tariff = tariffs.floorEntry(salesDate).getValue();
        PaymentMethod method = PaymentMethod.fromTossLabel(tossMethod).orElseGet(() -> {
            if (unknownMethodsLogged.add(String.valueOf(tossMethod))) {
                log.warn("No fee terms for payment method '{}': charging it on the card terms", tossMethod);
            }
            return PaymentMethod.CARD;
        });
        if (method == PaymentMethod.EASY_PAY && easyPayProvider != null
                && tariff.providers().containsKey(easyPayProvider)) {
            return tariff.providers().get(easyPayProvider);
        }
        return tariff.methods().get(method);
    }

    /** Fee and VAT the PG keeps from an approval of {@code amount} won, on the base terms. */
    public Charge saleCharge(String tossMethod, long amount) {
        return saleCharge(tossMethod, null, LocalDate.MIN, amount);
    }

    /** Fee and VAT the PG keeps from an approval of {@code amount} won sold on {@code salesDate}. */
    public Charge saleCharge(String tossMethod, String easyPayProvider, LocalDate salesDate, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("sale amount must be positive: " + amount);
        }
        long fee = termsFor(tossMethod, easyPayProvider, salesDate).feeOn(amount);
        return new Charge(fee, vatOn(fee));
    }

    /**
     * Fee and VAT (zero or negative) booked with a cancel of {@code cancelAmount} that left {@code balanceAfter}
     * of a payment of {@code totalAmount}, whose approval was charged {@code original}. Needs nothing but the
     * event, so a cancel booked before its sale (a dead-letter replay) gets the same numbers.
     */
    public Charge cancelCharge(Charge original, long totalAmount, long cancelAmount, long balanceAfter) {
        if (totalAmount <= 0 || cancelAmount <= 0 || balanceAfter < 0 || balanceAfter + cancelAmount > totalAmount) {
            throw new IllegalArgumentException("inconsistent cancel: total " + totalAmount + ", cancel " + cancelAmount
                    + ", balance after " + balanceAfter);
        }
        if (!refundFeeOnCancel) {
            return Charge.NONE;
        }
        long balanceBefore = balanceAfter + cancelAmount;
        return new Charge(
                scaled(original.fee(), balanceAfter, totalAmount) - scaled(original.fee(), balanceBefore, totalAmount),
                scaled(original.vat(), balanceAfter, totalAmount) - scaled(original.vat(), balanceBefore, totalAmount));
    }

    /** The Korean sales date of a transaction that happened at {@code at}. */
    public LocalDate salesDate(Instant at) {
        return calendar.dateOf(at);
    }

    /** When the PG pays out (or deducts) a transaction of this method sold on {@code salesDate}. */
    public LocalDate payoutDate(String tossMethod, LocalDate salesDate) {
        return payoutDate(tossMethod, null, salesDate);
    }

    /** As {@link #payoutDate(String, LocalDate)}, with the provider's terms in force on {@code salesDate}. */
    public LocalDate payoutDate(String tossMethod, String easyPayProvider, LocalDate salesDate) {
        return calendar.plusBusinessDays(salesDate,
                termsFor(tossMethod, easyPayProvider, salesDate).payoutBusinessDays());
    }

    long vatOn(long fee) {
        return vatPercent.multiply(BigDecimal.valueOf(fee)).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** round-half-up(value x numerator / denominator), exact in BigDecimal. */
    private static long scaled(long value, long numerator, long denominator) {
        if (numerator == denominator) {
            return value;
        }
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The terms of every method and provider in force over some period. */
    private record Tariff(Map<PaymentMethod, MethodTerms> methods, Map<String, MethodTerms> providers) {

        Tariff {
            methods = Map.copyOf(methods);
            providers = Map.copyOf(providers);
        }

        Tariff with(TariffChange change) {
            Map<PaymentMethod, MethodTerms> nextMethods = new EnumMap<>(methods);
            change.methods().forEach((method, patch) -> nextMethods.put(method, patch.applyTo(methods.get(method))));
            Map<String, MethodTerms> nextProviders = new HashMap<>(providers);
            change.easyPayProviders().forEach((provider, patch) -> nextProviders.put(provider,
                    patch.applyTo(providers.getOrDefault(provider, nextMethods.get(PaymentMethod.EASY_PAY)))));
            return new Tariff(nextMethods, nextProviders);
        }
    }
}
