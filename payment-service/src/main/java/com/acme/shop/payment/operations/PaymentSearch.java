package com.acme.shop.payment.operations;

import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.platform.jdbc.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The operators' payment search: one indexed query over {@code payment}, bounded by a range of creation dates
 * (Korean calendar days) or pinned by an exact orderId or paymentKey, narrowed by status, method, customer and amount,
 * sorted by creation time or amount, paged by keyset (the last row's sort value and id, never an offset: page 500 costs
 * what page 1 costs). The result count is capped: counting a year of payments to print "1,234,567건" would cost more
 * than the search, and an operator needs "more than 10,000" only to narrow the search.
 *
 * <p>Indexes (V8): {@code (created_at)}, {@code (status, created_at)}, {@code (method, created_at)},
 * {@code (customer_id, created_at)}, {@code (payment_key)}, {@code (total_amount, created_at)} for the amount sort,
 * {@code (created_at, total_amount)} for the count by date and amount, and the order id's unique key; InnoDB appends
 * the id to each, which is the keyset's tie-break. Sorted by amount, equal amounts come newest first. Speed is measured by {@code bench/payment-search.sh} (docs/benchmarks.md).
 */
@Component
class PaymentSearch {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    static final int COUNT_CAP = 10_000;

    enum Sort { CREATED_AT, AMOUNT }

    /** What to look for; null fields do not narrow. */
    record Criteria(LocalDate from, LocalDate to, Set<PaymentStatus> statuses, String method, String orderId,
                    String paymentKey, String customerId, Long minAmount, Long maxAmount, Sort sort,
                    boolean descending, Cursor after, int limit) {
    }

    /**
     * Where the previous page ended, for the same sort and direction: its last row's creation time (epoch
     * microseconds) and id, and for the amount sort its amount as well (amount, then creation time, then id).
     */
    record Cursor(Sort sort, boolean descending, long amount, long createdMicros, long id) {

        String encode() {
            String raw = (sort == Sort.AMOUNT ? "a" : "c") + (descending ? "d" : "a") + ":" + amount + ":"
                    + createdMicros + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        /** The cursor a page handed out, or null when it is not one (the caller answers 400). */
        static Cursor decode(String encoded) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
                String[] parts = raw.split(":");
                if (parts.length != 4 || parts[0].length() != 2) {
                    return null;
                }
                Sort sort = switch (parts[0].charAt(0)) {
                    case 'a' -> Sort.AMOUNT;
                    case 'c' -> Sort.CREATED_AT;
                    default -> null;
                };
                char direction = parts[0].charAt(1);
                if (sort == null || (direction != 'a' && direction != 'd')) {
                    return null;
                }
                return new Cursor(sort, direction == 'd', Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    record Row(long id, String orderId, String status, String orderName, String customerId, long amount,
               long balanceAmount, String method, String easyPayProvider, String paymentKey, Instant createdAt,
               Instant approvedAt) {
    }

    record Page(List<Row> items, Cursor next, long total, boolean totalCapped) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
            rs.getString(10), UtcTime.read(rs, 11), UtcTime.read(rs, 12));

    private final JdbcTemplate jdbc;

    PaymentSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page search(Criteria criteria) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, args);
        boolean byAmount = criteria.sort() == Sort.AMOUNT;
        String direction = criteria.descending() ? "DESC" : "ASC";
        // the order of an index, so the database walks it and stops at the page's end: (created_at) + id, or
        // (total_amount, created_at) + id
        String order = (byAmount ? "total_amount " + direction + ", " : "") + "created_at " + direction + ", id "
                + direction;

        List<Object> pageArgs = new ArrayList<>(args);
        String pageWhere = where;
        if (criteria.after() != null) {
            Cursor after = criteria.after();
            String beyond = criteria.descending() ? "<" : ">";
            String orEqual = criteria.descending() ? " <= ?" : " >= ?";
            Object created = UtcTime.of(micros(after.createdMicros()));
            // the first term alone is a range the index can seek to; the second is the exact keyset
            String afterCreated = "(created_at " + beyond + " ? OR (created_at = ? AND id " + beyond + " ?))";
            if (byAmount) {
                pageWhere += " AND total_amount" + orEqual + " AND (total_amount " + beyond + " ? OR (total_amount = ? AND "
                        + afterCreated + "))";
                pageArgs.addAll(List.of(after.amount(), after.amount(), after.amount(), created, created, after.id()));
            } else {
                pageWhere += " AND created_at" + orEqual + " AND " + afterCreated;
                pageArgs.addAll(List.of(created, created, created, after.id()));
            }
        }
        pageArgs.add(criteria.limit() + 1);
        String columns = """
                SELECT id, order_id, status, order_name, customer_id, total_amount, balance_amount, method,
                       easy_pay_provider, payment_key, created_at, approved_at FROM payment""";
        String sql;
        if (byAmount && criteria.orderId() == null && criteria.paymentKey() == null && criteria.customerId() == null) {
            // Sorted by amount, the page's ids come from the (total_amount, created_at) index alone (InnoDB keeps the
            // id in it): the walk skips the rows outside the date range without reading them, and only the page's
            // rows are read. Reading every row it walked past (a backward scan checks the date on the row, not in the
            // index) cost 2 s per page on a million payments. An exact key or one customer narrows better by itself.
            sql = columns + " JOIN (SELECT id FROM payment FORCE INDEX (ix_payment_amount_created) WHERE"
                    + where(pageWhere) + " ORDER BY " + order + " LIMIT ?) page USING (id) ORDER BY " + order;
        } else {
            sql = columns + " WHERE" + where(pageWhere) + " ORDER BY " + order + " LIMIT ?";
        }
        List<Row> rows = jdbc.query(sql, ROW, pageArgs.toArray());

        Cursor next = null;
        if (rows.size() > criteria.limit()) {
            rows = rows.subList(0, criteria.limit());
            Row last = rows.getLast();
            next = new Cursor(criteria.sort(), criteria.descending(), last.amount(), toMicros(last.createdAt()),
                    last.id());
        }
        List<Object> countArgs = new ArrayList<>(args);
        countArgs.add(COUNT_CAP + 1);
        // Narrowed by date and amount alone, the count reads (created_at, total_amount) and no row. The optimizer
        // sometimes preferred (created_at) by a hair and then read every row of the range for its amount: 2 s on a
        // million payments instead of 20 ms.
        boolean dateAndAmountOnly = (criteria.minAmount() != null || criteria.maxAmount() != null)
                && criteria.orderId() == null && criteria.paymentKey() == null && criteria.customerId() == null
                && criteria.method() == null && (criteria.statuses() == null || criteria.statuses().isEmpty());
        String countIndex = dateAndAmountOnly ? " FORCE INDEX (ix_payment_created_amount)" : "";
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM payment" + countIndex + " WHERE" + where(where)
                + " LIMIT ?) capped", Long.class, countArgs.toArray());
        long total = counted == null ? 0 : counted;
        return new Page(List.copyOf(rows), next, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    private static String where(String conditions) {
        return conditions.isEmpty() ? " 1 = 1" : " " + conditions.substring(" AND ".length());
    }

    private static String where(Criteria c, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (c.orderId() != null) {
            sql.append(" AND order_id = ?");
            args.add(c.orderId());
        }
        if (c.paymentKey() != null) {
            sql.append(" AND payment_key = ?");
            args.add(c.paymentKey());
        }
        if (c.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(UtcTime.of(c.from().atStartOfDay(KOREA).toInstant()));
        }
        if (c.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(UtcTime.of(c.to().plusDays(1).atStartOfDay(KOREA).toInstant()));
        }
        if (c.statuses() != null && !c.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", c.statuses().stream().map(s -> "?").toList()))
                    .append(")");
            c.statuses().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (c.method() != null) {
            sql.append(" AND method = ?");
            args.add(c.method());
        }
        if (c.customerId() != null) {
            sql.append(" AND customer_id = ?");
            args.add(c.customerId());
        }
        if (c.minAmount() != null) {
            sql.append(" AND total_amount >= ?");
            args.add(c.minAmount());
        }
        if (c.maxAmount() != null) {
            sql.append(" AND total_amount <= ?");
            args.add(c.maxAmount());
        }
        return sql.toString();
    }

    private static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant micros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
