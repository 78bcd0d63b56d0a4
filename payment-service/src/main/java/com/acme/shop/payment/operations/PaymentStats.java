package com.acme.shop.payment.operations;

import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finance dashboard's view of approvals, from the payments created in a range of Korean dates:
 * <ul>
 *   <li>per method: approved (Toss approved it: it has an approval time, whatever was refunded since), declined
 *       (ABORTED: Toss refused or the customer gave up in the window), and the approval rate approved / (approved +
 *       declined). Checkouts that lapsed without an attempt (EXPIRED) or are still open are not attempts. A payment
 *       declined before a method was chosen counts under "미선택";</li>
 *   <li>per Toss error code: how many payments ended with it;</li>
 *   <li>the refund rate: won refunded of the won approved.</li>
 * </ul>
 * One grouped scan of the range over {@code (created_at)}.
 */
@Component
class PaymentStats {

    static final String NO_METHOD = "미선택";

    record MethodStats(String method, long attempts, long approved, long declined, double approvalRate) {
    }

    record ErrorCount(String code, long count) {
    }

    record Stats(LocalDate from, LocalDate to, List<MethodStats> byMethod, List<ErrorCount> byErrorCode,
                 long approvedCount, long approvedAmount, long refundedAmount, double refundRate) {
    }

    private final JdbcTemplate jdbc;

    PaymentStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Stats between(LocalDate from, LocalDate to) {
        Object[] range = {UtcTime.of(from.atStartOfDay(PaymentSearch.KOREA).toInstant()),
                UtcTime.of(to.plusDays(1).atStartOfDay(PaymentSearch.KOREA).toInstant())};
        Map<String, long[]> perMethod = new LinkedHashMap<>();
        long[] money = new long[3];
        jdbc.query("""
                SELECT COALESCE(method, ?) AS m,
                       SUM(CASE WHEN approved_at IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'ABORTED' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN approved_at IS NOT NULL THEN total_amount ELSE 0 END),
                       SUM(CASE WHEN approved_at IS NOT NULL THEN total_amount - balance_amount ELSE 0 END)
                FROM payment WHERE created_at >= ? AND created_at < ? AND status IN ('DONE', 'PARTIAL_CANCELED',
                    'CANCELED', 'ABORTED')
                GROUP BY m ORDER BY m""", rs -> {
            long approved = rs.getLong(2);
            perMethod.put(rs.getString(1), new long[]{approved, rs.getLong(3)});
            money[0] += approved;
            money[1] += rs.getLong(4);
            money[2] += rs.getLong(5);
        }, NO_METHOD, range[0], range[1]);
        List<MethodStats> byMethod = new ArrayList<>();
        perMethod.forEach((method, n) -> byMethod.add(new MethodStats(method, n[0] + n[1], n[0], n[1],
                rate(n[0], n[0] + n[1]))));
        List<ErrorCount> byErrorCode = jdbc.query("""
                SELECT failure_code, COUNT(*) FROM payment
                WHERE created_at >= ? AND created_at < ? AND status = 'ABORTED' AND failure_code IS NOT NULL
                GROUP BY failure_code ORDER BY COUNT(*) DESC, failure_code LIMIT 50""",
                (rs, i) -> new ErrorCount(rs.getString(1), rs.getLong(2)), range[0], range[1]);
        return new Stats(from, to, byMethod, byErrorCode, money[0], money[1], money[2], rate(money[2], money[1]));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
