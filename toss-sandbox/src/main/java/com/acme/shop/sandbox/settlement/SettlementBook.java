package com.acme.shop.sandbox.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.shop.sandbox.api.TossTime;
import com.acme.shop.sandbox.payment.PaymentMethod;
import com.acme.shop.sandbox.payment.PaymentService;
import com.acme.shop.sandbox.payment.PaymentService.ApprovedCancel;
import com.acme.shop.sandbox.payment.PaymentService.ApprovedPayment;

import org.springframework.stereotype.Service;

/**
 * Builds Toss's settlement rows from the sandbox's own payments: one row per approval and one per cancel, with the
 * fee terms of {@link SettlementProperties}. Nothing is stored; rows are computed on every call, so they always
 * match the payments (plus any {@link SettlementDistortion} a test asked for).
 *
 * <p>Arithmetic, in won: fee = rate x amount rounded half-up; VAT = VAT rate x fee rounded half-up. A cancel gives
 * back fee and VAT so that what stays charged is the original scaled by the remaining balance, rounded half-up
 * ({@code round(original x balance / total)}); after a full cancel the rows of a payment sum to zero fee.
 */
@Service
class SettlementBook {

    enum DateType {
        SOLD_DATE, PAID_OUT_DATE
    }

    record Query(LocalDate startDate, LocalDate endDate, DateType dateType, int page, int size) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PaymentService payments;

    private final SettlementProperties properties;

    private final Set<LocalDate> holidays;

    private final Clock clock;

    private final Map<String, SettlementDistortion> distortions = new ConcurrentHashMap<>();

    SettlementBook(PaymentService payments, SettlementProperties properties, Clock clock) {
        this.payments = payments;
        this.properties = properties;
        this.holidays = Set.copyOf(properties.holidays());
        this.clock = clock;
    }

    /** The page of rows in the date range. Toss shows a transaction from the day after it happened (D+1). */
    List<SettlementRow> rows(Query query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TossTime.ZONE);
        List<Dated> rows = new ArrayList<>();
        for (ApprovedPayment payment : payments.approvedPayments()) {
            for (Dated row : rowsOf(payment)) {
                LocalDate key = query.dateType() == DateType.SOLD_DATE ? row.soldDate() : row.paidOutDate();
                if (row.soldDate().isBefore(today) && !key.isBefore(query.startDate())
                        && !key.isAfter(query.endDate())) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparing(Dated::at)
            .thenComparing(d -> d.row().paymentKey())
            .thenComparingInt(Dated::sequence));
        long from = (long) (query.page() - 1) * query.size();
        return rows.stream().skip(from).limit(query.size()).map(Dated::row).toList();
    }

    void distort(String paymentKey, SettlementDistortion distortion) {
        distortions.put(paymentKey, distortion);
    }

    Map<String, SettlementDistortion> distortions() {
        return Map.copyOf(distortions);
    }

    void clearDistortion(String paymentKey) {
        distortions.remove(paymentKey);
    }

    void clearDistortions() {
        distortions.clear();
    }

    /** {@code sequence}: 0 for the approval, then 1, 2, ... for the cancels, so a payment's rows keep their order. */
    private record Dated(Instant at, int sequence, LocalDate soldDate, LocalDate paidOutDate, SettlementRow row) {
    }

    private List<Dated> rowsOf(ApprovedPayment payment) {
        PaymentMethod method = methodOf(payment.method());
        long fee = BigDecimal.valueOf(payment.totalAmount()).multiply(properties.ratePercent().get(method))
            .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        long vat = BigDecimal.valueOf(fee).multiply(properties.vatPercent()).divide(HUNDRED, 0, RoundingMode.HALF_UP)
            .longValueExact();
        SettlementDistortion distortion = distortions.get(payment.paymentKey());
        List<Dated> rows = new ArrayList<>();
        rows.add(row(payment, method, 0, payment.approvalTransactionKey(), payment.approvedAt(),
                payment.totalAmount(), fee, vat, null, distortion));
        long balance = payment.totalAmount();
        for (ApprovedCancel cancel : payment.cancels()) {
            long before = balance;
            balance = cancel.refundableAmount();
            long feeBack = 0;
            long vatBack = 0;
            if (properties.refundFeeOnCancel()) {
                feeBack = scaled(fee, balance, payment.totalAmount()) - scaled(fee, before, payment.totalAmount());
                vatBack = scaled(vat, balance, payment.totalAmount()) - scaled(vat, before, payment.totalAmount());
            }
            rows.add(row(payment, method, rows.size(), cancel.transactionKey(), cancel.canceledAt(),
                    -cancel.cancelAmount(), feeBack, vatBack, cancel, distortion));
        }
        return rows.stream().filter(d -> d != null).toList();
    }

    private Dated row(ApprovedPayment payment, PaymentMethod method, int sequence, String transactionKey, Instant at,
            long amount, long fee, long vat, ApprovedCancel cancel, SettlementDistortion distortion) {
        LocalDate soldDate = LocalDate.ofInstant(at, TossTime.ZONE);
        LocalDate paidOutDate = plusBusinessDays(soldDate, properties.payoutBusinessDays().get(method));
        if (distortion != null && distortion.appliesTo(transactionKey)) {
            if (distortion.omit()) {
                return null;
            }
            amount += distortion.amountDelta();
            fee += distortion.feeDelta();
            vat += distortion.vatDelta();
            paidOutDate = paidOutDate.plusDays(distortion.payoutDateShiftDays());
        }
        SettlementRow row = new SettlementRow(payment.merchantId(), payment.paymentKey(), transactionKey,
                payment.orderId(), "KRW", payment.method(), amount, 0, List.of(new SettlementRow.Fee("BASE", fee + vat)),
                fee, vat, amount - fee - vat, TossTime.format(payment.approvedAt()), soldDate.toString(),
                paidOutDate.toString(), null,
                payment.easyPayProvider() == null ? null
                        : new SettlementRow.EasyPay(payment.easyPayProvider(), payment.totalAmount(), 0),
                null, null, null, null,
                cancel == null ? null : new SettlementRow.CancelView(cancel.cancelAmount(), cancel.cancelReason(), 0, 0,
                        cancel.refundableAmount(), TossTime.format(cancel.canceledAt()), cancel.transactionKey(),
                        "DONE"));
        return new Dated(at, sequence, soldDate, paidOutDate, row);
    }

    private static PaymentMethod methodOf(String label) {
        return PaymentMethod.parse(label);
    }

    /** D+N business days: the start date never counts; weekends and configured holidays are skipped. */
    LocalDate plusBusinessDays(LocalDate date, int businessDays) {
        LocalDate day = date;
        if (businessDays == 0) {
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    private static long scaled(long value, long numerator, long denominator) {
        if (numerator == denominator) {
            return value;
        }
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(numerator))
            .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact();
    }

}
