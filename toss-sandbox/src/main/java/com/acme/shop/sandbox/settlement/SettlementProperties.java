package com.acme.shop.sandbox.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.acme.shop.sandbox.payment.PaymentMethod;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.settlement.*}: the fee terms the sandbox "contracted" with the merchant, used to build the rows of
 * {@code GET /v1/settlements}. Toss publishes no fee schedule (docs/toss-api.md, section 9 (settlements lookup)), so
 * these are list prices.
 *
 * @param ratePercent fee in percent of the amount per method ({@code CARD}, {@code EASY_PAY}, {@code TRANSFER},
 *     {@code MOBILE_PHONE}, {@code VIRTUAL_ACCOUNT}); methods not named keep the defaults 3.4, 3.4, 2.0, 3.5, 2.0
 * @param payoutBusinessDays the payout-date offset: D+N business days after the sales date per method; methods not
 *     named keep the defaults 3 (card) and 2 (others)
 * @param vatPercent VAT charged on the fee (10 in Korea)
 * @param refundFeeOnCancel whether a cancel row gives back the proportional share of the fee and its VAT
 * @param holidays dates on which nothing is paid out, besides weekends (Korean public holidays 2026-2027 by default)
 */
@ConfigurationProperties("sandbox.settlement")
record SettlementProperties(Map<PaymentMethod, BigDecimal> ratePercent, Map<PaymentMethod, Integer> payoutBusinessDays,
        @DefaultValue("10") BigDecimal vatPercent, @DefaultValue("true") boolean refundFeeOnCancel,
        @DefaultValue({ "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02", "2026-05-05",
                "2026-05-25", "2026-06-03", "2026-08-17", "2026-09-24", "2026-09-25", "2026-10-05", "2026-10-09",
                "2026-12-25", "2027-01-01", "2027-02-08", "2027-02-09", "2027-03-01", "2027-05-05", "2027-05-13",
                "2027-08-16", "2027-09-14", "2027-09-15", "2027-09-16", "2027-10-04", "2027-10-11",
                "2027-12-27" }) List<LocalDate> holidays) {

    private static final Map<PaymentMethod, BigDecimal> DEFAULT_RATES = Map.of(PaymentMethod.CARD,
            new BigDecimal("3.4"), PaymentMethod.EASY_PAY, new BigDecimal("3.4"), PaymentMethod.TRANSFER,
            new BigDecimal("2.0"), PaymentMethod.MOBILE_PHONE, new BigDecimal("3.5"), PaymentMethod.VIRTUAL_ACCOUNT,
            new BigDecimal("2.0"));

    private static final Map<PaymentMethod, Integer> DEFAULT_PAYOUT_DAYS = Map.of(PaymentMethod.CARD, 3,
            PaymentMethod.EASY_PAY, 2, PaymentMethod.TRANSFER, 2, PaymentMethod.MOBILE_PHONE, 2,
            PaymentMethod.VIRTUAL_ACCOUNT, 2);

    SettlementProperties {
        Map<PaymentMethod, BigDecimal> rates = new EnumMap<>(DEFAULT_RATES);
        if (ratePercent != null) {
            rates.putAll(ratePercent);
        }
        Map<PaymentMethod, Integer> days = new EnumMap<>(DEFAULT_PAYOUT_DAYS);
        if (payoutBusinessDays != null) {
            days.putAll(payoutBusinessDays);
        }
        rates.forEach((method, rate) -> {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("sandbox.settlement.rate-percent." + method + " must be 0..100");
            }
        });
        days.forEach((method, n) -> {
            if (n < 0 || n > 60) {
                throw new IllegalArgumentException("sandbox.settlement.payout-business-days." + method + " must be 0..60");
            }
        });
        ratePercent = Map.copyOf(rates);
        payoutBusinessDays = Map.copyOf(days);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

}
