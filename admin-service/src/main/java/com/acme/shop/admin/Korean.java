package com.acme.shop.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes money and time for Korean operators: amounts as {@code 12,000원}, instants in Korean time
 * as {@code 2026-11-30 12:34:56} (the console says KST once, in its header), business dates as {@code 2026-11-30}.
 * Instants stay UTC everywhere else; this is only the last step before a person reads them.
 */
public final class Korean {

    public static final ZoneId KST = ZoneId.of("Asia/Seoul");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(KST);
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Korean() {
    }

    /** {@code 12000} -> {@code 12,000원}; null -> {@code -}. */
    public static String won(Long amount) {
        return amount == null ? "-" : String.format(Locale.ROOT, "%,d원", amount);
    }

    /** An instant as Korean wall-clock time, {@code yyyy-MM-dd HH:mm:ss}; null -> {@code -}. */
    public static String kst(Instant instant) {
        return instant == null ? "-" : DATE_TIME.format(instant);
    }

    /** The Korean calendar date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, KST);
    }

    /** The first instant of a Korean calendar date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(KST).toInstant();
    }
}
