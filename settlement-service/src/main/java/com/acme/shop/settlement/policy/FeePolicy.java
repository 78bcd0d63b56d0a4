package com.acme.shop.settlement.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 */
public final class FeePolicy {

    private static final Logger log = LoggerFactory.getLogger(FeePolicy.class);

    /** List prices used when configuration does not override a method (unverified, see toss-api.md 9.2). */
    public static final Map<PaymentMethod, MethodTerms> DEFAULT_TERMS = Map.of(
            PaymentMethod.CARD, MethodTerms.rate("3.4", 3),
            PaymentMethod.EASY_PAY, MethodTerms.rate("3.4", 2),
            PaymentMethod.TRANSFER, MethodTerms.rate("2.0", 2),
            PaymentMethod.MOBILE_PHONE, MethodTerms.rate("3.5", 2),
            PaymentMethod.VIRTUAL_ACCOUNT, MethodTerms.fixed(300, 2));

    public static final BigDecimal DEFAULT_VAT_PERCENT = BigDecimal.TEN;

    private final Map<PaymentMethod, MethodTerms> terms;
    private final BigDecimal vatPercent;
    private final boolean refundFeeOnCancel;
    private final BusinessCalendar calendar;
    private final Set<String> unknownMethodsLogged = ConcurrentHashMap.newKeySet();

    /**
     * @param overrides terms per method that replace the defaults; methods not named keep {@link #DEFAULT_TERMS}
     */
    public FeePolicy(Map<PaymentMethod, MethodTerms> overrides, BigDecimal vatPercent, boolean refundFeeOnCancel,
                     BusinessCalendar calendar) {
        Objects.requireNonNull(vatPercent, "vatPercent");
        if (vatPercent.signum() < 0 || vatPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("vat-percent must be within 0..100: " + vatPercent);
        }
        Map<PaymentMethod, MethodTerms> merged = new EnumMap<>(DEFAULT_TERMS);
        merged.putAll(overrides);
        this.terms = Map.copyOf(merged);
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

    public MethodTerms termsFor(String tossMethod) {
        return PaymentMethod.fromTossLabel(tossMethod).map(terms::get).orElseGet(() -> {
            if (unknownMethodsLogged.add(String.valueOf(tossMethod))) {
                log.warn("No fee terms for payment method '{}': charging it on the card terms", tossMethod);
            }
            return terms.get(PaymentMethod.CARD);
        });
    }

    /** Fee and VAT the PG keeps from an approval of {@code amount} won. */
    public Charge saleCharge(String tossMethod, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("sale amount must be positive: " + amount);
        }
        long fee = termsFor(tossMethod).feeOn(amount);
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
        return calendar.plusBusinessDays(salesDate, termsFor(tossMethod).payoutBusinessDays());
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
}
